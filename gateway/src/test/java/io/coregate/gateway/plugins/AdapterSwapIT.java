package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new tenant document revision drains the old adapter: a slow call running on revision 1 when revision 2 arrives
 * finishes on the adapter it started on (the sandbox refuses calls on a closed adapter, as a closed HTTP client would),
 * the new revision serves at once, and the old adapter is closed after its call ended.
 */
class AdapterSwapIT {

    private static final String TENANT = "swap";
    private static final int SLOW_MILLIS = 1_500;

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> revision(int latencyMillis) {
        return Tenants.sandbox("swapfsp", Map.of("accounts", Tenants.standardAccounts(), "latencyMillis", latencyMillis));
    }

    private static long closed(String drained) {
        return gateway.admin().get("/observe/metrics").body().lines()
            .filter(l -> l.startsWith("coregate_cbs_adapters_closed_total{") && l.contains("tenant=\"" + TENANT + "\"")
                && l.contains("drained=\"" + drained + "\""))
            .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .sum();
    }

    @Test
    void slowCallOnTheOldRevisionCompletesAndTheOldAdapterIsClosedAfterIt() throws Exception {
        assertEquals(201, gateway.admin().put("/admin/tenants/" + TENANT, revision(SLOW_MILLIS)).status());
        String party = "/" + TENANT + "/parties/MSISDN/" + Payee.ALICE;
        assertEquals(200, gateway.sdk().get(party).status(), "revision 1 serves");

        var slow = CompletableFuture.supplyAsync(() -> gateway.sdk().get(party));
        Thread.sleep(SLOW_MILLIS / 3);
        var put = gateway.admin().put("/admin/tenants/" + TENANT, revision(0));
        assertEquals(200, put.status(), put.body());
        long start = System.nanoTime();
        Http.Response fast = gateway.sdk().get(party);
        assertEquals(200, fast.status(), fast.body());
        assertTrue((System.nanoTime() - start) / 1_000_000 < SLOW_MILLIS / 2, "revision 2 (no latency) serves while revision 1 drains");
        assertEquals(0, closed("true") + closed("false"), "the old adapter is not closed while its call runs");

        Http.Response finished = slow.get();
        assertEquals(200, finished.status(), "the call in flight on revision 1 completes: " + finished.body());
        Poll.last(Duration.ofSeconds(5), () -> closed("true"), n -> n > 0);
        assertEquals(1, closed("true"), "the old adapter is closed once its call ended");
        assertEquals(0, closed("false"), "nothing was closed under a running call");
    }
}
