package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures that a hanging bank hurts only its own tenant: tenant B's lookup latency under concurrent load is taken
 * before and while tenant A's bank hangs on every call; A answers only 2004 (timeout) or 2005 (bulkhead full).
 */
class TenantIsolationIT {

    private static final System.Logger LOG = System.getLogger(TenantIsolationIT.class.getName());
    private static final int B_TIMEOUT_MILLIS = 2_000;
    private static final int CLIENTS = 4;
    private static final int CALLS_PER_CLIENT = 60;
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        var hanging = Tenants.sandbox("hangbank", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "lookupParty", "kind", "HANG"))));
        PluginHotLoadIT.cbs(hanging).put("timeoutMillis", 500);
        PluginHotLoadIT.cbs(hanging).put("maxConcurrency", 2);
        assertEquals(201, gateway.admin().put("/admin/tenants/hang-a", hanging).status());
        var steady = Tenants.standard("steadybank");
        PluginHotLoadIT.cbs(steady).put("timeoutMillis", B_TIMEOUT_MILLIS);
        assertEquals(201, gateway.admin().put("/admin/tenants/steady-b", steady).status());
        measureB();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void hangingBankLeavesAnotherTenantsLatencyWhereItWas() throws Exception {
        List<Long> before = measureB();
        var stop = new AtomicBoolean();
        Set<String> aCodes = ConcurrentHashMap.newKeySet();
        var aCalls = new java.util.concurrent.atomic.AtomicInteger();
        List<Long> during;
        try (var hammer = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                load.add(hammer.submit(() -> {
                    while (!stop.get()) {
                        var response = gateway.sdk().get("/hang-a/parties/MSISDN/260971000001");
                        aCodes.add(response.status() + "/" + response.field("statusCode"));
                        aCalls.incrementAndGet();
                    }
                }));
            }
            Thread.sleep(700);
            during = measureB();
            stop.set(true);
            for (Future<?> f : load) {
                f.get();
            }
        }
        long p50Before = percentile(before, 50);
        long p50During = percentile(during, 50);
        long maxBefore = Collections.max(before);
        long maxDuring = Collections.max(during);
        LOG.log(System.Logger.Level.INFO, String.format("tenant B lookups (%d clients x %d): before p50 %d ms max %d ms; while A hangs "
            + "p50 %d ms max %d ms; A answered %d calls with %s", CLIENTS, CALLS_PER_CLIENT, p50Before, maxBefore, p50During, maxDuring,
            aCalls.get(), aCodes));
        assertEquals(Set.of("500/2004", "500/2005"), aCodes, "A answers only timeout and busy");
        assertTrue(maxDuring < B_TIMEOUT_MILLIS / 2, "B's slowest lookup while A hangs took " + maxDuring + " ms");
        assertTrue(p50During <= p50Before + 50, "B's median moved from " + p50Before + " to " + p50During + " ms");
    }

    /** CLIENTS concurrent clients each doing CALLS_PER_CLIENT lookups on tenant B; every answer must be 200. */
    private static List<Long> measureB() {
        var millis = new ConcurrentLinkedQueue<Long>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                        long start = System.nanoTime();
                        var response = gateway.sdk().get("/steady-b/parties/MSISDN/260971000001");
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        assertEquals(200, response.status(), response.body());
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(millis);
    }

    private static long percentile(List<Long> values, int percent) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
