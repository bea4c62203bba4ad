package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.coregate.gateway.db.LedgerFixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One hot account kept as summed stripe rows: reservations racing on it take exactly the whole balance, never more or less. */
class HotAccountIT {

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
    void manyThreadsOnOneAccountReserveExactlyTheWholeLimitInTheirOwnOrTheCallersTransaction() throws Exception {
        TenantId t = fx.tenantWithLimit("300");
        var pool = Executors.newFixedThreadPool(16);
        long won = 0;
        try {
            var calls = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 600; i++) {
                String ref = "hot-" + i;
                boolean inCallersTransaction = i % 2 == 0;
                calls.add(() -> {
                    try {
                        return inCallersTransaction
                            ? fx.jdbc.inTransaction("payer", c -> fx.ledger.reserve(c, t, zmw("1"), ref, LATER).applied())
                            : fx.ledger.reserve(t, zmw("1"), ref, LATER).applied();
                    } catch (GatewayException e) {
                        assertEquals("4001", e.code().code(), e::getMessage);
                        return false;
                    }
                });
            }
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                won += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(300, won);
        assertEquals(0, fx.balance(t).available().signum());
        assertEquals(0, new BigDecimal("300").compareTo(fx.balance(t).limit()));
        assertTrue(fx.book.check().stream().noneMatch(d -> d.tenant().equals(t)), () -> fx.book.check().toString());
    }

    @Test
    void headroomSpreadOverStripesIsCountedWholeAndALoweredLimitClosesTheStripes() throws Exception {
        TenantId t = fx.tenantWithLimit("100");
        spreadByWaitingBehindACallersTransaction(t);
        assertTrue(stripesUsed(t) > 1, "the waiting reservation went the exact way and spread the headroom");
        for (int i = 0; i < 10; i++) {
            assertTrue(fx.ledger.reserve(t, zmw("8"), "r-" + i, LATER).applied(), "headroom on other stripes still counts");
        }
        assertEquals(0, new BigDecimal("14").compareTo(fx.balance(t).available()));
        assertEquals("4001", assertThrows(GatewayException.class, () -> fx.ledger.reserve(t, zmw("15"), "too-much", LATER)).code().code());
        fx.book.setLimit(t, "ZMW", new LimitSettings(new BigDecimal("50"), 10, Optional.empty()), "ops");
        assertEquals(0, new BigDecimal("-36").compareTo(fx.balance(t).available()));
        for (int i = 2; i < 7; i++) {
            assertTrue(fx.ledger.voidReservation(t, "r-" + i).applied());
        }
        assertEquals(0, new BigDecimal("4").compareTo(fx.balance(t).available()));
        assertEquals("4001", assertThrows(GatewayException.class, () -> fx.ledger.reserve(t, zmw("5"), "freed-stripe", LATER)).code().code());
        assertTrue(fx.ledger.reserve(t, zmw("4"), "last", LATER).applied());
        assertEquals(0, fx.balance(t).available().signum());
        assertTrue(fx.book.check().stream().noneMatch(d -> d.tenant().equals(t)), () -> fx.book.check().toString());
    }

    /** A caller's transaction holds stripe 0 while another reservation has to wait for it on the exact path. */
    private static void spreadByWaitingBehindACallersTransaction(TenantId t) throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> holder = pool.submit(() -> fx.jdbc.inTransaction("holder", c -> {
                fx.ledger.reserve(c, t, zmw("1"), "holder", LATER);
                held.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertTrue(held.await(10, TimeUnit.SECONDS));
            Future<Boolean> waiter = pool.submit(() -> fx.ledger.reserve(t, zmw("5"), "waiter", LATER).applied());
            for (int i = 0; i < 200 && waiting() == 0; i++) {
                TimeUnit.MILLISECONDS.sleep(25);
            }
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertTrue(waiter.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waiting() {
        return fx.jdbc.read("waiting", c -> {
            try (var select = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query LIKE '%stripe = 0 FOR UPDATE%'"); var rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static int stripesUsed(TenantId t) {
        return fx.jdbc.read("stripes", c -> {
            try (var select = c.prepareStatement("SELECT count(*) FROM liquidity_positions WHERE tenant_id = ?")) {
                select.setString(1, t.value());
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }
}
