package io.coregate.gateway.http;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A stopping gateway (SIGTERM in Kubernetes, after the preStop sleep) lets a request already in flight finish within
 * {@code server.shutdown-grace-seconds} instead of cutting it off.
 */
class ShutdownDrainIT {

    @Test
    void aRequestInFlightWhenTheGatewayStopsIsAnsweredInFull() throws Exception {
        var gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("server.shutdown-grace-seconds", "10"));
        try {
            var settings = new HashMap<String, Object>(Map.of("accounts", Tenants.standardAccounts(), "latencyMillis", 1500));
            assertEquals(201, gateway.admin().put("/admin/tenants/slow", Tenants.sandbox("slowdfsp", settings)).status());
            Http sdk = gateway.sdk();
            CompletableFuture<Http.Response> lookup = CompletableFuture.supplyAsync(() -> sdk.get("/slow/parties/MSISDN/260971000001"));
            Thread.sleep(500);
            assertFalse(lookup.isDone(), "the lookup is still in the bank's latency when the stop begins");
            gateway.close();
            Http.Response response = lookup.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.status(), response.body());
            assertEquals("Alice Banda", response.field("displayName"));
        } finally {
            gateway.close();
        }
    }
}
