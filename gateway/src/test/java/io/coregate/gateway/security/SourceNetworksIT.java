package io.coregate.gateway.security;

import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's allowed source networks: a caller outside {@code access.sdkSources} reaches none of the tenant's backend
 * routes on 3003 (so a forged notification moves no money), one outside {@code access.dfspSources} none of its channel
 * routes on 3004, even with a valid key; the tests' own source is 127.0.0.1.
 */
class SourceNetworksIT {

    private static TestGateway gateway;

    private static Map<String, Object> withAccess(String dfspId, Map<String, Object> access) {
        var document = new LinkedHashMap<>(Tenants.standard(dfspId));
        document.put("access", access);
        return document;
    }

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/fenced", withAccess("fenced", Map.of("sdkSources", List.of("10.0.0.0/8"),
            "dfspSources", List.of("192.0.2.0/24")))).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/local", withAccess("local", Map.of("sdkSources", List.of("127.0.0.1", "::1"),
            "dfspSources", List.of("127.0.0.0/8")))).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/open", Tenants.standard("open")).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theBackendApiAnswersOnlyTheTenantsConnectorNetworks() {
        var refused = gateway.sdk().get("/fenced/parties/MSISDN/260971000001");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("3000", refused.field("statusCode"));
        assertTrue(refused.field("message").contains("source 127.0.0.1 may not call tenant 'fenced'"), refused.body());
        var notification = gateway.sdk().put("/fenced/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069",
            Map.of("currentState", "COMPLETED", "finalNotification", Map.of("transferState", "COMMITTED")));
        assertEquals("3000", notification.field("statusCode"), "a forged notification is refused before any route: " + notification.body());
        assertEquals(200, gateway.sdk().get("/local/parties/MSISDN/260971000001").status());
        assertEquals(200, gateway.sdk().get("/open/parties/MSISDN/260971000001").status(), "no access block: any source");
        assertEquals("3200", gateway.sdk().get("/nobody/parties/MSISDN/260971000001").field("statusCode"));
    }

    @Test
    void theChannelsApiAnswersOnlyTheTenantsChannelNetworksEvenWithAValidKey() {
        String fencedKey = gateway.admin().post("/admin/tenants/fenced/api-keys", Map.of()).field("apiKey");
        var refused = gateway.dfsp().with("X-API-Key", fencedKey).get("/fenced/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069");
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.field("message").contains("dfspSources"), refused.body());
        String localKey = gateway.admin().post("/admin/tenants/local/api-keys", Map.of()).field("apiKey");
        assertEquals("3208", gateway.dfsp().with("X-API-Key", localKey).get("/local/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069")
            .field("statusCode"), "allowed: the route runs and finds no such transfer");
    }

    @Test
    void badNetworksAreRefusedAtOnboardingWithTheirField() {
        var bad = gateway.admin().put("/admin/tenants/typo", withAccess("typo", Map.of("sdkSources", List.of("10.0.0.0/33", "example.com"))));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("access.sdkSources[0]") && bad.body().contains("access.sdkSources[1]"), bad.body());
        var stored = gateway.admin().get("/admin/tenants/local").body();
        assertTrue(stored.contains("\"sdkSources\":[\"127.0.0.1/32\",\"0:0:0:0:0:0:0:1/128\"]"), "stored canonical: " + stored);
    }
}
