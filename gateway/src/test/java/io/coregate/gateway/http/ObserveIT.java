package io.coregate.gateway.http;

import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObserveIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("limits.max-admin-payload-bytes", "2048"));
        gateway.admin().put("/admin/tenants/up-bank", Tenants.standard("upBank"));
        var down = Tenants.sandbox("downBank", Map.of("faults", List.of(Map.of("operation", "health", "kind", "UNAVAILABLE"))));
        gateway.admin().put("/admin/tenants/down-bank", down);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void readinessLivenessAndStartupAnswer200WithoutAToken() {
        for (String path : List.of("/observe/health/ready", "/observe/health/live", "/observe/health/started")) {
            var response = gateway.anonymousAdmin().get(path);
            assertEquals(200, response.status(), path + ": " + response.body());
        }
        var ready = gateway.anonymousAdmin().get("/observe/health/ready").body();
        assertTrue(ready.contains("database") && ready.contains("plugins"), ready);
    }

    @Test
    void healthDetailsAndMetricsNeedATokenUnlessPublic() {
        gateway.cbsHealth().refresh();
        for (String path : List.of("/observe/health", "/observe/metrics")) {
            var anonymous = gateway.anonymousAdmin().get(path);
            assertEquals(401, anonymous.status(), path + ": " + anonymous.body());
            assertEquals("3000", anonymous.field("statusCode"));
        }
        String live = gateway.anonymousAdmin().get("/observe/health/live").body();
        assertTrue(!live.contains("up-bank") && !live.contains("down-bank"), "no tenant detail for an anonymous probe: " + live);
        var auditor = gateway.admin().post("/admin/operators", Map.of("name", "prometheus", "role", "AUDITOR")).field("token");
        var scrape = gateway.anonymousAdmin().with("Authorization", "Bearer " + auditor).with("Accept", "text/plain").get("/observe/metrics");
        assertEquals(200, scrape.status(), "an auditor's token scrapes");
        String detailed = gateway.anonymousAdmin().with("Authorization", "Bearer " + auditor).get("/observe/health/live").body();
        assertTrue(detailed.contains("up-bank") && detailed.contains("down-bank"), detailed);

        try (var open = TestGateway.start(TestDatabase.freshSchema(), Map.of("admin.public-observe", "true"))) {
            assertEquals(200, open.anonymousAdmin().get("/observe/health").status());
            assertEquals(200, open.anonymousAdmin().with("Accept", "text/plain").get("/observe/metrics").status());
        }
    }

    @Test
    void oneBanksOutageIsHealthDetailNotUnreadiness() {
        gateway.cbsHealth().refresh();
        String body = gateway.admin().get("/observe/health").body();
        assertTrue(body.contains("down-bank") && body.contains("DOWN") && body.contains("up-bank"), body);
        assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());
    }

    @Test
    void metricsArePrometheusTextWithPerTenantRouteTimers() {
        gateway.sdk().get("/up-bank/parties/MSISDN/260971000001");
        var response = gateway.admin().with("Accept", "text/plain").get("/observe/metrics");
        assertEquals(200, response.status());
        assertTrue(response.body().contains("coregate_requests_seconds_count{"), response.body().substring(0, 500));
        assertTrue(response.body().matches("(?s).*coregate_requests_seconds_count\\{[^}]*tenant=\"up-bank\".*"), "per-tenant tag missing");
        assertTrue(response.body().contains("coregate_cbs_calls_seconds_count{"), "cbs timer missing");
    }

    @Test
    void oversizedBodyIsJson3104() {
        var response = gateway.admin().declaredOversized("PUT", "/admin/tenants/big", 5_000);
        assertEquals(413, response.status(), response.body());
        assertEquals("3104", response.field("statusCode"));
    }
}
