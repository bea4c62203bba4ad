package io.coregate.gateway.bench;

import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.db.JdbcLiquidityBook;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reserve + post pairs per second (each its own transaction, as the payer flow does) against many accounts and against
 * one hot account, on the test PostgreSQL (found as {@code TestDatabase} does; a fresh schema, dropped at exit).
 * Prints pairs/s and pair latency percentiles. Not a test. Run from the repository root after a build:
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -o -q package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
 * &amp;&amp; /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
 *   -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.classpath) \
 *   io.coregate.gateway.bench.LedgerBench 16 10 1000
 * </pre>
 * ({@code exec:java} does not work under the Helidon parent.)
 * Arguments: client threads (16), seconds per scenario (10), accounts in the "many" scenario (1000).
 */
public final class LedgerBench {

    private static final System.Logger LOG = System.getLogger(LedgerBench.class.getName());
    private static final Instant LATER = Instant.now().plusSeconds(86_400);

    private LedgerBench() {
    }

    /** Runs both scenarios. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        var overrides = Map.of("db.pool-size", String.valueOf(threads + 2), "ledger.sweep-seconds", "3600");
        try (var gateway = TestGateway.start(TestDatabase.freshSchema(), overrides)) {
            var jdbc = new Jdbc(gateway.gateway().components().database().dataSource());
            var ledger = new JdbcLedger(jdbc, balance -> { });
            var book = new JdbcLiquidityBook(jdbc);
            List<TenantId> many = tenants(book, "many", accounts);
            List<TenantId> hot = tenants(book, "hot", 1);
            run("warm-up", ledger, many, threads, Math.max(2, seconds / 3));
            run("many accounts (" + accounts + ")", ledger, many, threads, seconds);
            run("one hot account", ledger, hot, threads, seconds);
            LOG.log(System.Logger.Level.INFO, "ledger check after the runs: " + (book.check().isEmpty() ? "consistent" : book.check()));
        }
    }

    private static List<TenantId> tenants(JdbcLiquidityBook book, String prefix, int count) {
        var result = new ArrayList<TenantId>();
        for (int i = 0; i < count; i++) {
            var tenant = new TenantId(prefix + "-" + i);
            book.setLimit(tenant, "ZMW", new LimitSettings(new BigDecimal("1000000000000"), 10, Optional.empty()), "bench");
            result.add(tenant);
        }
        return result;
    }

    private static void run(String name, JdbcLedger ledger, List<TenantId> tenants, int threads, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var pool = Executors.newFixedThreadPool(threads);
        var futures = new ArrayList<Future<long[]>>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String prefix = name.charAt(0) + "-" + System.nanoTime() + "-" + t + "-";
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                var random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    TenantId tenant = tenants.get(random.nextInt(tenants.size()));
                    String ref = prefix + n;
                    long start = System.nanoTime();
                    ledger.reserve(tenant, Money.of("1.00", "ZMW"), ref, LATER);
                    ledger.post(tenant, ref);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        var all = new ArrayList<long[]>();
        for (var future : futures) {
            all.add(future.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        LOG.log(System.Logger.Level.INFO, String.format("%-24s threads=%d pairs=%d pairs/s=%.0f latency ms p50=%.2f p95=%.2f p99=%.2f max=%.2f",
            name, threads, merged.length, merged.length / elapsed, ms(merged, 0.50), ms(merged, 0.95), ms(merged, 0.99),
            merged.length == 0 ? 0.0 : merged[merged.length - 1] / 1e6));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0.0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] / 1e6;
    }
}
