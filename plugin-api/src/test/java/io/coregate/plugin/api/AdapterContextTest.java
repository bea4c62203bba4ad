package io.coregate.plugin.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The HTTP timeout an adapter derives from the host's timeout and its settings. */
class AdapterContextTest {

    private static AdapterContext context(Duration timeout, Map<String, Object> settings) {
        return new AdapterContext("t", "dfsp", Set.of("ZMW"), new Settings(settings), name -> Optional.empty(), AccountMapping.none(),
            timeout);
    }

    @Test
    void httpTimeoutIsFourFifthsOfTheHostTimeoutByDefault() {
        assertEquals(Duration.ofMillis(4000), context(Duration.ofSeconds(5), Map.of()).httpTimeout());
    }

    @Test
    void httpTimeoutSettingIsUsedButNeverExceedsTheHostTimeout() {
        assertEquals(Duration.ofMillis(1500), context(Duration.ofSeconds(5), Map.of("httpTimeoutMillis", 1500)).httpTimeout());
        assertEquals(Duration.ofSeconds(5), context(Duration.ofSeconds(5), Map.of("httpTimeoutMillis", 10_000)).httpTimeout());
    }

    @Test
    void aContextBuiltTheOldWayHasNoCallbackUrlAndWithCallbackUrlAddsOne() {
        AdapterContext old = context(Duration.ofSeconds(5), Map.of());
        assertEquals(Optional.empty(), old.callbackUrl());
        AdapterContext with = old.withCallbackUrl("http://gw:3004/t/callbacks/abc");
        assertEquals(Optional.of("http://gw:3004/t/callbacks/abc"), with.callbackUrl());
        assertEquals(old.timeout(), with.timeout());
    }

    @Test
    void aCallbackMatchNeedsAReferenceAndACallbackReadsHeadersInAnyCase() {
        var status = new TransactionStatus(TransactionStatus.State.FAILED, Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new CallbackHandler.CallbackMatch(" ", status));
        var callback = new CallbackHandler.Callback("POST", "", Map.of("content-type", java.util.List.of("application/json")), "{}");
        assertEquals(Optional.of("application/json"), callback.header("Content-Type"));
    }
}
