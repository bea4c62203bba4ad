package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.coregate.gateway.domain.transfer.TransferState.ABORTED;
import static io.coregate.gateway.domain.transfer.TransferState.COMMITTED;
import static io.coregate.gateway.domain.transfer.TransferState.DEBITED;
import static io.coregate.gateway.domain.transfer.TransferState.COMMITTING;
import static io.coregate.gateway.domain.transfer.TransferState.DEBIT_PENDING;
import static io.coregate.gateway.domain.transfer.TransferState.QUOTED;
import static io.coregate.gateway.domain.transfer.TransferState.RECEIVED;
import static io.coregate.gateway.domain.transfer.TransferState.RECONCILE;
import static io.coregate.gateway.domain.transfer.TransferState.RESERVED;
import static io.coregate.gateway.domain.transfer.TransferState.UNCERTAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferStateTest {

    @Test
    void allowedTransitionsAreExactlyTheDesignedOnes() {
        assertEquals(EnumSet.of(RESERVED, ABORTED, QUOTED), RECEIVED.next());
        assertEquals(EnumSet.of(COMMITTED, ABORTED, RECONCILE, QUOTED, COMMITTING), RESERVED.next());
        assertEquals(EnumSet.of(COMMITTED, RECONCILE), COMMITTING.next());
        assertEquals(EnumSet.of(COMMITTED, ABORTED, COMMITTING), RECONCILE.next());
        assertEquals(EnumSet.of(DEBIT_PENDING, DEBITED, ABORTED, RECONCILE), QUOTED.next());
        assertEquals(EnumSet.of(DEBITED, ABORTED, RECONCILE), DEBIT_PENDING.next());
        assertEquals(EnumSet.of(COMMITTED, ABORTED, UNCERTAIN, RECONCILE), DEBITED.next());
        assertEquals(EnumSet.of(COMMITTED, ABORTED, RECONCILE), UNCERTAIN.next());
        assertTrue(COMMITTED.isFinal() && ABORTED.isFinal());
    }

    @Test
    void illegalTransitionsAreRefused() {
        for (var pair : List.of(List.of(RECEIVED, COMMITTED), List.of(COMMITTED, ABORTED), List.of(ABORTED, COMMITTED),
                List.of(RECEIVED, RECONCILE), List.of(RECONCILE, RESERVED), List.of(COMMITTED, RECONCILE),
                List.of(QUOTED, COMMITTED), List.of(UNCERTAIN, DEBITED), List.of(RECEIVED, DEBITED), List.of(COMMITTING, ABORTED),
                List.of(DEBIT_PENDING, COMMITTED), List.of(RECEIVED, DEBIT_PENDING))) {
            assertThrows(GatewayException.class, () -> pair.get(0).moveTo(pair.get(1)), pair.toString());
            assertThrows(GatewayException.class, () -> StateChange.of(pair.get(0), pair.get(1), Optional.empty(), "x", StoredAnswer.of(Map.of())));
        }
    }

    @Test
    void reconcileShowsOutwardsAsReserved() {
        assertEquals("RESERVED", RECONCILE.publicName());
        assertEquals("RESERVED", COMMITTING.publicName());
        assertEquals("COMMITTED", COMMITTED.publicName());
    }

    @Test
    void retryBackoffDoublesUpToTheMaximum() {
        var policy = new TransferPolicy(Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(30), 20, Duration.ofSeconds(15));
        assertEquals(Duration.ofSeconds(1), policy.backoff(1));
        assertEquals(Duration.ofSeconds(2), policy.backoff(2));
        assertEquals(Duration.ofSeconds(16), policy.backoff(5));
        assertEquals(Duration.ofSeconds(30), policy.backoff(6));
        assertEquals(Duration.ofSeconds(30), policy.backoff(500));
    }

    @Test
    void timestampsCarryExactlyThreeFractionalDigits() {
        assertEquals("2026-11-28T18:20:01.000Z", MojaloopTime.format(java.time.Instant.parse("2026-11-28T18:20:01Z")));
        assertEquals("2026-11-28T18:20:01.123Z", MojaloopTime.format(java.time.Instant.parse("2026-11-28T18:20:01.123456Z")));
    }
}
