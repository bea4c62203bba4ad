package io.coregate.plugin.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
