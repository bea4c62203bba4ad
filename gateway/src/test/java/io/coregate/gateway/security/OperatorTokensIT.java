package io.coregate.gateway.security;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named operator tokens on the admin API: each acts under its own name (what the audit records, whatever X-Actor says),
 * within its role — a tenant-scoped operator, a read-only auditor — and is issued, listed, revoked and expires without a
 * restart.
 */
class OperatorTokensIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-b", Tenants.standard("bankB")).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> issue(Map<String, Object> body) {
        var response = gateway.admin().post("/admin/operators", body);
        assertEquals(201, response.status(), response.body());
        assertEquals(List.of("no-store"), response.headers().get("cache-control"));
        return response.json();
    }

    private static Http bearer(Map<String, Object> issued) {
        return gateway.anonymousAdmin().with("Authorization", "Bearer " + issued.get("token"));
    }

    @Test
    void aTenantOperatorActsOnItsTenantsOnlyAndTheAuditNamesIt() {
        var operator = bearer(issue(Map.of("name", "ops-ana", "role", "OPERATOR", "tenants", List.of("bank-a"))));
        var key = operator.with("X-Actor", "someone-else").post("/admin/tenants/bank-a/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        assertEquals(200, operator.get("/admin/tenants/bank-a/liquidity").status());
        String audit = gateway.admin().get("/admin/tenants/bank-a/audit").body();
        assertTrue(audit.contains("\"actor\":\"ops-ana\"") && !audit.contains("someone-else"), audit);

        var otherTenant = operator.get("/admin/tenants/bank-b/liquidity");
        assertEquals(403, otherTenant.status(), otherTenant.body());
        assertEquals("3000", otherTenant.field("statusCode"));
        assertTrue(otherTenant.field("message").contains("[bank-a]"), otherTenant.body());
        assertEquals(403, operator.post("/admin/tenants/bank-b/api-keys", Map.of()).status());
        assertEquals(403, operator.put("/admin/tenants/bank-a", Tenants.standard("bankA")).status(), "replacing the tenant is an administrator's");
        assertEquals(403, operator.delete("/admin/tenants/bank-a").status());
        assertEquals(403, operator.get("/admin/plugins").status());
        assertEquals(403, operator.post("/admin/operators", Map.of("name", "me-too", "role", "ADMINISTRATOR")).status());
        assertEquals("true", gateway.admin().get("/admin/tenants/bank-a").field("enabled"));
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        var auditor = bearer(issue(Map.of("name", "audit-olu", "role", "AUDITOR")));
        assertEquals(200, auditor.get("/admin/tenants").status());
        assertEquals(200, auditor.get("/admin/tenants/bank-b/audit").status());
        assertEquals(200, auditor.get("/admin/operators").status());
        var write = auditor.post("/admin/tenants/bank-a/api-keys", Map.of());
        assertEquals(403, write.status(), write.body());
        assertTrue(write.field("message").contains("may only read"), write.body());
        assertEquals(403, auditor.put("/admin/tenants/bank-c", Tenants.standard("bankC")).status());
        assertEquals(404, gateway.admin().get("/admin/tenants/bank-c").status());
    }

    @Test
    void aRevokedTokenStopsAtOnceAndTheListNeverShowsATokenOrItsHash() {
        var issued = issue(Map.of("name", "ops-temp", "role", "ADMINISTRATOR"));
        String token = issued.get("token").toString();
        @SuppressWarnings("unchecked")
        String tokenId = ((Map<String, Object>) issued.get("operator")).get("tokenId").toString();
        assertTrue(token.startsWith(tokenId + "."), token);
        var admin = bearer(issued);
        assertEquals(200, admin.get("/admin/tenants").status());
        String listed = gateway.admin().get("/admin/operators").body();
        assertTrue(listed.contains(tokenId) && listed.contains("ops-temp") && !listed.contains(token.substring(tokenId.length() + 1))
            && !listed.contains("hash"), listed);

        var revoked = admin.delete("/admin/operators/" + tokenId);
        assertEquals(200, revoked.status(), revoked.body());
        var after = admin.get("/admin/tenants");
        assertEquals(401, after.status(), "revoked: " + after.body());
        assertEquals(404, gateway.admin().delete("/admin/operators/" + tokenId).status(), "revoking twice finds no active token");
        String global = gateway.admin().get("/admin/audit").body();
        assertTrue(global.contains("operator.issue") && global.contains("operator.revoke") && global.contains("\"actor\":\"ops-temp\""), global);
    }

    @Test
    void anExpiredTokenStopsWorking() throws InterruptedException {
        var issued = issue(Map.of("name", "ops-short", "role", "AUDITOR", "expiresAt", Instant.now().plusSeconds(2).toString()));
        var auditor = bearer(issued);
        assertEquals(200, auditor.get("/admin/tenants").status());
        Thread.sleep(2_500);
        assertEquals(401, auditor.get("/admin/tenants").status());
    }

    @Test
    void badRequestsNameTheirField() {
        var noTenants = gateway.admin().post("/admin/operators", Map.of("name", "ops-x", "role", "OPERATOR"));
        assertEquals(400, noTenants.status(), noTenants.body());
        assertTrue(noTenants.body().contains("tenants"), noTenants.body());
        var unknown = gateway.admin().post("/admin/operators", Map.of("name", "ops-x", "role", "OPERATOR", "tenants", List.of("nobank")));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("tenants/0") && unknown.body().contains("nobank"), unknown.body());
        var role = gateway.admin().post("/admin/operators", Map.of("name", "ops-x", "role", "ROOT"));
        assertEquals(400, role.status(), role.body());
        assertTrue(role.body().contains("role"), role.body());
        var past = gateway.admin().post("/admin/operators", Map.of("name", "ops-x", "role", "AUDITOR", "expiresAt", "2020-01-01T00:00:00Z"));
        assertEquals(400, past.status(), past.body());
        assertTrue(past.body().contains("expiresAt"), past.body());
        var name = gateway.admin().post("/admin/operators", Map.of("name", "ops\u0000x", "role", "AUDITOR"));
        assertEquals(400, name.status(), name.body());
        var forged = gateway.anonymousAdmin().with("Authorization", "Bearer " + "0".repeat(32) + "." + "A".repeat(43)).get("/admin/tenants");
        assertEquals(401, forged.status(), forged.body());
        assertFalse(gateway.admin().get("/admin/operators").body().contains("ops-x"), "nothing issued for a bad request");
    }
}
