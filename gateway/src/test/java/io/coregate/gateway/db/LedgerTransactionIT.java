package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.coregate.gateway.db.LedgerFixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger inside a caller's transaction, and reservations racing for the last of the liquidity. */
class LedgerTransactionIT {

    private static final Instant LATER = Instant.now().plus(1, ChronoUnit.HOURS);
    private static LedgerFixture fx;

    @BeforeAll
    static void start() {
        fx = new LedgerFixture(TestGateway.start());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void operationsInTheCallersTransactionCommitOrRollBackWithIt() {
        TenantId t = fx.tenantWithLimit("100");
        assertThrows(IllegalStateException.class, () -> fx.jdbc.inTransaction("caller", c -> {
            fx.ledger.reserve(c, t, zmw("40"), "rolled-back", LATER);
            throw new IllegalStateException("the caller's own step failed");
        }));
        assertTrue(fx.ledger.reservation(t, "rolled-back").isEmpty());
        assertEquals(0, fx.balance(t).reserved().signum());
        fx.jdbc.inTransaction("caller", c -> {
            fx.ledger.reserve(c, t, zmw("40"), "kept", LATER);
            fx.ledger.post(c, t, "kept");
            fx.ledger.inbound(c, t, zmw("15"), "in");
            return null;
        });
        assertEquals(0, new BigDecimal("25").compareTo(fx.balance(t).position()));
        assertTrue(fx.book.check().stream().noneMatch(d -> d.tenant().equals(t)));
    }

    @Test
    void aRefusalInsideTheCallersTransactionLeavesNothingAndTheTransactionCanCommit() {
        TenantId t = fx.tenantWithLimit("10");
        String outcome = fx.jdbc.inTransaction("caller", c -> {
            try {
                fx.ledger.reserve(c, t, zmw("11"), "too-much", LATER);
                return "reserved";
            } catch (GatewayException e) {
                fx.ledger.reserve(c, t, zmw("10"), "fits", LATER);
                return e.code().code();
            }
        });
        assertEquals("4001", outcome);
        assertTrue(fx.ledger.reservation(t, "too-much").isEmpty());
        assertEquals(0, new BigDecimal("10").compareTo(fx.balance(t).reserved()));
    }

    @Test
    void manyRacingReservationsTakeExactlyTheLimit() throws Exception {
        TenantId t = fx.tenantWithLimit("25");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 60; i++) {
                String ref = "race-" + i;
                calls.add(() -> {
                    try {
                        return fx.ledger.reserve(t, zmw("1"), ref, LATER).applied();
                    } catch (GatewayException e) {
                        assertEquals("4001", e.code().code());
                        return false;
                    }
                });
            }
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(25, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, fx.balance(t).available().signum());
    }

    @Test
    void racingDuplicatesOfOneReferenceReserveOnce() throws Exception {
        TenantId t = fx.tenantWithLimit("100");
        var pool = Executors.newFixedThreadPool(6);
        try {
            var calls = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> fx.ledger.reserve(t, zmw("7"), "same", LATER).applied());
            }
            long applied = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                applied += f.get() ? 1 : 0;
            }
            assertEquals(1, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, new BigDecimal("7").compareTo(fx.balance(t).reserved()));
    }
}
