package io.coregate.gateway.security;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tenant admission on the sdk and dfsp listeners: a tenant over its request rate, or with too many requests in
 * progress, is answered 2005 with {@code Retry-After} while the other tenants are served as usual.
 */
class TenantThrottleIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of(
            "limits.tenant-requests-per-second", "1",
            "limits.tenant-burst", "3",
            "limits.tenant-max-in-flight", "1",
            "limits.tenant-queue-wait-millis", "200"));
        assertEquals(201, gateway.admin().put("/admin/tenants/flood-a", Tenants.standard("floodA")).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/quiet-b", Tenants.standard("quietB")).status());
        var slow = new LinkedHashMap<String, Object>();
        slow.put("accounts", Tenants.standardAccounts());
        slow.put("latencyMillis", 1500);
        var slowDocument = Tenants.sandbox("slowC", slow);
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) slowDocument.get("cbs");
        cbs.put("timeoutMillis", 5000);
        assertEquals(201, gateway.admin().put("/admin/tenants/slow-c", slowDocument).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aTenantOverItsRateIsAnswered2005WithRetryAfterWhileAnotherIsServed() throws Exception {
        long started = System.nanoTime();
        int admitted = 0;
        Http.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            var answer = lookup("flood-a");
            if ("2005".equals(answer.field("statusCode"))) {
                refused = answer;
            } else {
                assertEquals(200, answer.status(), answer.body());
                admitted++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(refused != null, "20 lookups at once exceed a burst of 3 at 1 per second");
        assertTrue(admitted >= 3 && admitted <= 3 + Math.ceil(seconds), admitted + " admitted in " + seconds + " s");
        assertEquals(500, refused.status(), "the backend API declares only 400, 404 and 500: " + refused.body());
        assertTrue(refused.field("message").contains("flood-a"), refused.body());
        assertEquals(List.of("1"), refused.headers().get("retry-after"), refused.headers().toString());
        assertEquals(200, lookup("quiet-b").status(), "another tenant keeps its own rate");
        Thread.sleep(1_100);
        assertEquals(200, lookup("flood-a").status(), "tokens come back at the configured rate");
    }

    @Test
    void aTenantWithTooManyRequestsInProgressIsRefusedAfterTheQueueWait() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> lookup("slow-c"), executor);
            Thread.sleep(400);
            long started = System.nanoTime();
            var second = lookup("slow-c");
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("2005", second.field("statusCode"), second.body());
            assertTrue(waitedMillis >= 150, "it waited for a turn first: " + waitedMillis + " ms");
            assertTrue(second.field("message").contains("in progress"), second.body());
            assertEquals(200, first.get().status(), "the request in progress is not disturbed");
        }
        assertNotEquals("2005", lookup("slow-c").field("statusCode"), "a turn is free again once the first request ended");
    }

    private static Http.Response lookup(String tenant) {
        return gateway.sdk().get("/" + tenant + "/parties/MSISDN/260971000001");
    }
}
