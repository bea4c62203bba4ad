package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.ledger.ReservationSweeper;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.coregate.gateway.db.LedgerFixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expiry sweeper: voids only past the expiry, never an uncertain reservation. */
class ExpiryIT {

    private static LedgerFixture fx;
    private static ReservationSweeper sweeper;

    @BeforeAll
    static void start() {
        // The gateway's own sweeper runs once at start-up and then not within the test.
        fx = new LedgerFixture(TestGateway.start(TestDatabase.freshSchema(), Map.of("ledger.sweep-seconds", "3600")));
        sweeper = new ReservationSweeper(fx.ledger, fx.book, balance -> { });
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static ReservationState state(TenantId t, String ref) {
        return fx.ledger.reservation(t, ref).orElseThrow().state();
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Test
    void aReservationIsVoidedOnlyAfterItsExpiry() throws InterruptedException {
        TenantId t = fx.tenantWithLimit("100");
        Instant soon = Instant.now().plusMillis(1_500);
        fx.ledger.reserve(t, zmw("10"), "soon", soon);
        fx.ledger.reserve(t, zmw("20"), "later", Instant.now().plusSeconds(3_600));
        fx.ledger.reserve(t, zmw("30"), "past", Instant.now().minusMillis(1));
        sweeper.sweep();
        assertEquals(ReservationState.VOIDED, state(t, "past"));
        assertEquals(ReservationState.PENDING, state(t, "soon"), "voided before its expiry");
        assertEquals(ReservationState.PENDING, state(t, "later"));
        sleepUntil(soon.plusMillis(200));
        sweeper.sweep();
        assertEquals(ReservationState.VOIDED, state(t, "soon"));
        assertEquals(ReservationState.PENDING, state(t, "later"));
        assertEquals(0, fx.balance(t).reserved().compareTo(new java.math.BigDecimal("20")));
        var entry = fx.book.journal(t, "ZMW", 1).get(0);
        assertEquals(Operation.EXPIRE, entry.operation());
        assertEquals("soon", entry.reference());
        assertEquals("sweeper", entry.actor());
    }

    @Test
    void anUncertainReservationIsNeverExpiredUntilTheFlowClearsIt() throws InterruptedException {
        TenantId t = fx.tenantWithLimit("100");
        Instant expiry = Instant.now().plusMillis(300);
        fx.ledger.reserve(t, zmw("10"), "unknown-outcome", expiry);
        assertTrue(fx.ledger.markUncertain(t, "unknown-outcome", true));
        assertTrue(fx.ledger.reservation(t, "unknown-outcome").orElseThrow().uncertain());
        sleepUntil(expiry.plusMillis(100));
        sweeper.sweep();
        assertEquals(ReservationState.PENDING, state(t, "unknown-outcome"));
        assertTrue(fx.ledger.markUncertain(t, "unknown-outcome", false));
        sweeper.sweep();
        assertEquals(ReservationState.VOIDED, state(t, "unknown-outcome"));
        assertFalse(fx.ledger.markUncertain(t, "unknown-outcome", true), "only a pending reservation can be marked");
    }

    @Test
    void anUncertainReservationCanStillBePostedOrVoidedByItsFlow() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("10"), "u1", Instant.now().minusSeconds(1));
        fx.ledger.reserve(t, zmw("10"), "u2", Instant.now().minusSeconds(1));
        fx.ledger.markUncertain(t, "u1", true);
        fx.ledger.markUncertain(t, "u2", true);
        sweeper.sweep();
        assertTrue(fx.ledger.post(t, "u1").applied());
        assertTrue(fx.ledger.voidReservation(t, "u2").applied());
        assertEquals(0, new java.math.BigDecimal("10").compareTo(fx.balance(t).position()));
        assertEquals(0, fx.balance(t).reserved().signum());
    }
}
