package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.ledger.ReservationSweeper;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.coregate.gateway.db.LedgerFixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two gateway instances on one database share the expiry work: every reservation is voided exactly once. */
class SharedSweeperIT {

    private static final int RESERVATIONS = 400;

    private static TenantId reserveDue(LedgerFixture fx, Instant expiry) {
        TenantId t = fx.tenantWithLimit("100000");
        for (int i = 0; i < RESERVATIONS; i++) {
            fx.ledger.reserve(t, zmw("1.25"), "due-" + i, expiry);
        }
        return t;
    }

    private static long expireEntries(LedgerFixture fx, TenantId t) throws Exception {
        try (var c = fx.gateway.schema().connect(); var s = c.prepareStatement(
                "SELECT count(*), count(DISTINCT reference) FROM liquidity_journal WHERE tenant_id = ? AND operation = 'EXPIRE'")) {
            s.setString(1, t.value());
            try (var rows = s.executeQuery()) {
                rows.next();
                assertEquals(rows.getLong(1), rows.getLong(2), "a reservation was expired twice");
                return rows.getLong(1);
            }
        }
    }

    @Test
    void twoInstancesSweepingAtOnceVoidEachReservationExactlyOnce() throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        var quiet = Map.of("ledger.sweep-seconds", "3600");
        try (var a = new LedgerFixture(TestGateway.start(schema, quiet)); var b = new LedgerFixture(TestGateway.start(schema, quiet))) {
            TenantId t = reserveDue(a, Instant.now().minusSeconds(1));
            var sweepers = List.of(new ReservationSweeper(a.ledger, a.book, x -> { }), new ReservationSweeper(b.ledger, b.book, x -> { }));
            var pool = Executors.newFixedThreadPool(4);
            int total = 0;
            try {
                List<Callable<Integer>> calls = List.of(sweepers.get(0)::sweep, sweepers.get(1)::sweep, sweepers.get(0)::sweep,
                    sweepers.get(1)::sweep);
                for (var f : pool.invokeAll(calls)) {
                    total += f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(RESERVATIONS, total);
            assertEquals(RESERVATIONS, expireEntries(a, t));
            assertEquals(0, a.balance(t).reserved().signum());
            assertTrue(a.book.check().isEmpty(), a.book.check().toString());
        }
    }

    @Test
    void theScheduledSweepersOfTwoInstancesVoidEverythingDueAndNothingElse() throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        var often = Map.of("ledger.sweep-seconds", "1");
        try (var a = new LedgerFixture(TestGateway.start(schema, often)); var b = new LedgerFixture(TestGateway.start(schema, often))) {
            TenantId t = reserveDue(a, Instant.now().plusSeconds(2));
            a.ledger.reserve(t, zmw("5"), "not-due", Instant.now().plusSeconds(3_600));
            Poll.last(Duration.ofSeconds(30), () -> expireEntries(b, t), entries -> entries >= RESERVATIONS);
            assertEquals(RESERVATIONS, expireEntries(b, t));
            assertEquals(ReservationState.PENDING, b.ledger.reservation(t, "not-due").orElseThrow().state());
            assertEquals(0, new java.math.BigDecimal("5").compareTo(b.balance(t).reserved()));
            assertTrue(b.book.check().isEmpty(), b.book.check().toString());
        }
    }
}
