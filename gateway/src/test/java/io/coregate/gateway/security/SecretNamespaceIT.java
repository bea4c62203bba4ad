package io.coregate.gateway.security;

import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant document's secret references stay in the tenant's namespace: the gateway's own variables, files outside
 * {@code tenants.secrets-dir} and another tenant's names are refused at onboarding with the field named, and a new
 * tenant id that would take over an existing tenant's references is refused too.
 */
class SecretNamespaceIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.secrets-dir", "/etc/coregate/tenant-secrets"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void referencesOutsideTheTenantsNamespaceAreRefusedAtOnboardingEachWithItsField() {
        var refused = gateway.admin().put("/admin/tenants/bank-a", withSecrets("bankA", Map.of(
            "password", "env:DB_PASSWORD",
            "token", "env:ADMIN_TOKEN",
            "environ", "file:/proc/self/environ",
            "key", "file:/etc/coregate/tenant-secrets/../secret/db-password")));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("3100", refused.field("statusCode"), refused.body());
        var fields = errors(refused.json()).stream().map(error -> error.get("field")).sorted().toList();
        assertEquals(List.of("cbs.secrets.environ", "cbs.secrets.key", "cbs.secrets.password", "cbs.secrets.token"), fields, refused.body());
        assertTrue(refused.body().contains("BANK_A_"), "the answer says what the tenant's names look like: " + refused.body());
        assertEquals(404, gateway.admin().get("/admin/tenants/bank-a").status(), "nothing was stored");
    }

    @Test
    void theTenantsOwnReferencesAreAcceptedAndAnotherTenantsAreNot() {
        assertEquals(201, gateway.admin().put("/admin/tenants/mfi", withSecrets("mfi", Map.of(
            "password", "env:MFI_T24_PASSWORD", "key", "file:/etc/coregate/tenant-secrets/mfi-t24-key"))).status());
        var theirs = gateway.admin().put("/admin/tenants/mfi-b", withSecrets("mfiB", Map.of("password", "env:MFI_T24_PASSWORD")));
        assertEquals(400, theirs.status(), theirs.body());
        assertEquals("cbs.secrets.password", errors(theirs.json()).getFirst().get("field"), theirs.body());
        assertTrue(theirs.body().contains("MFI_B_"), theirs.body());
    }

    @Test
    void aNewTenantIdThatWouldTakeOverAnotherTenantsReferencesIsRefused() {
        assertEquals(201, gateway.admin().put("/admin/tenants/coop", withSecrets("coop", Map.of("password", "env:COOP_NORTH_PASSWORD")))
            .status());
        var takeover = gateway.admin().put("/admin/tenants/coop-north", Tenants.standard("coopNorth"));
        assertEquals(400, takeover.status(), takeover.body());
        assertEquals("tenantId", errors(takeover.json()).getFirst().get("field"), takeover.body());
        assertTrue(takeover.body().contains("tenant coop's secret reference"), takeover.body());
        assertFalse(takeover.body().contains("hunter"), takeover.body());
    }

    private static Map<String, Object> withSecrets(String dfspId, Map<String, String> secrets) {
        var doc = Tenants.standard(dfspId);
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) doc.get("cbs");
        cbs.put("secrets", secrets);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("errors");
    }
}
