package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.Adjustment;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.Seeds;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads run random reserve / post / void / expire / inbound / adjust / uncertain scripts against one balance,
 * while the gateway's own sweeper runs every second. Every operation's resulting balance, and every journal entry,
 * must have {@code available >= 0}; at the end the journal must equal the balance and the reservations must explain it.
 * A seeded randomized test: a failure names its seed, and {@code -Dcoregate.seed=<seed>} replays the same scripts.
 */
class LedgerPropertyIT {

    private static final Set<String> EXPECTED_REFUSALS = Set.of("4001", "4200", "3106", "3200", "3303", "3100");
    private static LedgerFixture fx;
    private static ExecutorService pool;

    enum Kind { RESERVE, RESERVE_DUE, POST, VOID, EXPIRE, INBOUND, FUNDS_IN, FUNDS_OUT, SETTLEMENT, UNCERTAIN, CERTAIN }

    record Op(Kind kind, int ref, int cents) {
    }

    @BeforeAll
    static void start() {
        fx = new LedgerFixture(TestGateway.start(TestDatabase.freshSchema(), Map.of("ledger.sweep-seconds", "1", "db.pool-size", "12")));
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        fx.close();
    }

    /** 2 to 8 threads, each running 5 to 30 operations on 12 references with amounts of 0.01 to 60.00. */
    static List<List<Op>> scripts(RandomGenerator random) {
        return Seeds.listOf(random, 2, 8, r -> Seeds.listOf(r, 5, 30,
            o -> new Op(Seeds.oneOf(o, Kind.values()), Seeds.between(o, 0, 11), Seeds.between(o, 1, 6_000))));
    }

    @Test
    void availableNeverGoesNegativeAndTheJournalEqualsTheBalances() {
        Seeds.check(12, random -> runScripts(scripts(random), Seeds.between(random, 0, 500)));
    }

    private static void runScripts(List<List<Op>> threads, int limit) throws Exception {
        TenantId t = LedgerFixture.freshTenant();
        fx.book.setLimit(t, "ZMW", new LimitSettings(BigDecimal.valueOf(limit), 10, Optional.of(new BigDecimal("55"))), "property");
        var calls = new ArrayList<Callable<Void>>();
        for (List<Op> script : threads) {
            calls.add(() -> {
                for (Op op : script) {
                    run(t, op).ifPresent(result -> assertTrue(result.balance().available().signum() >= 0,
                        () -> op + " left available negative: " + result.balance()));
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(calls)) {
            f.get();
        }
        assertTrue(fx.book.check().stream().noneMatch(d -> d.tenant().equals(t)), () -> fx.book.check().toString());
        try (var c = fx.gateway.schema().connect(); var s = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE limit_after - position_after - reserved_after < 0),
                       (SELECT coalesce(sum(amount), 0) FROM liquidity_reservations WHERE tenant_id = ? AND state = 'POSTED')
                     - coalesce(sum(amount) FILTER (WHERE operation IN ('INBOUND', 'SETTLEMENT')), 0)
                  FROM liquidity_journal WHERE tenant_id = ?""")) {
            s.setString(1, t.value());
            s.setString(2, t.value());
            try (var rows = s.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getLong(1), "a journaled step had available below zero");
                assertEquals(0, rows.getBigDecimal(2).compareTo(fx.balance(t).position()), "posted - inbound - settled != position");
            }
        }
    }

    private static Optional<LedgerResult> run(TenantId t, Op op) {
        String ref = "r" + op.ref();
        Money money = Money.of(BigDecimal.valueOf(op.cents(), 2).toPlainString(), "ZMW");
        try {
            return switch (op.kind()) {
                case RESERVE -> Optional.of(fx.ledger.reserve(t, money, ref, Instant.now().plusSeconds(3_600)));
                case RESERVE_DUE -> Optional.of(fx.ledger.reserve(t, money, ref, Instant.now().minusSeconds(1)));
                case POST -> Optional.of(fx.ledger.post(t, ref));
                case VOID -> Optional.of(fx.ledger.voidReservation(t, ref));
                case EXPIRE -> {
                    fx.ledger.expireDue(5);
                    yield Optional.empty();
                }
                case INBOUND -> Optional.of(fx.ledger.inbound(t, money, "in-" + ref));
                case FUNDS_IN -> Optional.of(adjust(t, Adjustment.Type.FUNDS_IN, money, ref));
                case FUNDS_OUT -> Optional.of(adjust(t, Adjustment.Type.FUNDS_OUT, money, ref));
                case SETTLEMENT -> Optional.of(adjust(t, Adjustment.Type.SETTLEMENT, money, ref));
                case UNCERTAIN, CERTAIN -> {
                    fx.ledger.markUncertain(t, ref, op.kind() == Kind.UNCERTAIN);
                    yield Optional.empty();
                }
            };
        } catch (GatewayException e) {
            assertTrue(EXPECTED_REFUSALS.contains(e.code().code()), () -> op + " failed unexpectedly: " + e.code().code() + " " + e.getMessage());
            return Optional.empty();
        }
    }

    private static LedgerResult adjust(TenantId t, Adjustment.Type type, Money money, String ref) {
        return fx.book.adjust(t, "ZMW", new Adjustment(type, money.amount(), type + "-" + ref), "property");
    }
}
