package io.coregate.gateway.http;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant API keys: issued once and stored as a hash, revocable, audited, and isolating tenants on the dfsp listener. */
class ApiKeysIT {

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

    private static Map<String, Object> issue(String tenant) {
        var response = gateway.admin().post("/admin/tenants/" + tenant + "/api-keys", Map.of());
        assertEquals(201, response.status(), response.body());
        assertEquals(List.of("no-store"), response.headers().get("cache-control"));
        return response.json();
    }

    private static Http dfspWith(Object apiKey) {
        return gateway.dfsp().with("X-API-Key", apiKey.toString());
    }

    @Test
    void issuedKeyIsAnsweredOnceAndOnlyItsHashIsStored() throws SQLException {
        var issued = issue("bank-a");
        String keyId = issued.get("keyId").toString();
        String apiKey = issued.get("apiKey").toString();
        assertTrue(apiKey.startsWith(keyId + "."), apiKey);
        assertTrue(apiKey.length() >= 70, "32 random bytes plus the id");
        String listed = gateway.admin().get("/admin/tenants/bank-a/api-keys").body();
        assertTrue(listed.contains(keyId) && !listed.contains(apiKey.substring(keyId.length() + 1)), listed);
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("SELECT hash, tenant_id FROM api_keys WHERE key_id = ?")) {
            statement.setString(1, keyId);
            try (var rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(64, rows.getString(1).length(), "a hex SHA-256");
                assertFalse(apiKey.contains(rows.getString(1)));
                assertEquals("bank-a", rows.getString(2));
            }
        }
        assertNotEquals(apiKey, issue("bank-a").get("apiKey"), "every key is new");
    }

    @Test
    void missingMalformedOrWrongKeyIs401() {
        var missing = gateway.dfsp().post("/bank-a/send-money", Map.of());
        assertEquals(401, missing.status(), missing.body());
        assertEquals("3000", missing.field("statusCode"));
        assertEquals(401, dfspWith("").get("/bank-a/transfers/x").status());
        assertEquals(401, dfspWith("not-a-key").get("/bank-a/transfers/x").status());
        String apiKey = issue("bank-a").get("apiKey").toString();
        String tampered = apiKey.substring(0, apiKey.length() - 1) + (apiKey.endsWith("A") ? "B" : "A");
        var wrong = dfspWith(tampered).get("/bank-a/transfers/x");
        assertEquals(401, wrong.status());
        assertEquals("X-API-Key is not a valid API key", wrong.field("message"));
        String unknownId = "0123456789abcdef0123456789abcdef" + apiKey.substring(32);
        assertEquals(401, dfspWith(unknownId).get("/bank-a/transfers/x").status());
    }

    @Test
    void keyOfTenantAOnTenantBsPathIs403AndOnItsOwnPathPassesAuth() {
        String keyA = issue("bank-a").get("apiKey").toString();
        String keyB = issue("bank-b").get("apiKey").toString();
        var crossed = dfspWith(keyA).post("/bank-b/send-money", Map.of());
        assertEquals(403, crossed.status(), crossed.body());
        assertEquals("3000", crossed.field("statusCode"));
        assertEquals(403, dfspWith(keyB).get("/bank-a/transfers/x").status());
        assertEquals(403, dfspWith(keyA).get("/nobody/transfers/x").status(), "another tenant's path, hosted or not");
        var own = dfspWith(keyA).post("/bank-a/send-money", Map.of());
        assertEquals(400, own.status(), "authenticated: the payer flow validates the (empty) body");
        assertEquals("3100", own.field("statusCode"));
        assertEquals("3100", dfspWith(keyB).get("/bank-b/transfers/x").field("statusCode"), "x is not a transfer id");
        assertEquals("3002", dfspWith(keyB).get("/bank-b/no-such-route").field("statusCode"));
    }

    @Test
    void aReadKeyReadsButCannotSendAndAnExpiredKeyStops() throws InterruptedException {
        var read = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of("scopes", List.of("READ")));
        assertEquals(201, read.status(), read.body());
        assertEquals(List.of("READ"), read.json().get("scopes"));
        Http reader = dfspWith(read.field("apiKey"));
        assertEquals("3100", reader.get("/bank-a/transfers/x").field("statusCode"), "authenticated for reading");
        var send = reader.post("/bank-a/send-money", Map.of());
        assertEquals(403, send.status(), send.body());
        assertTrue(send.field("message").contains("SEND scope"), send.body());
        assertEquals(403, reader.put("/bank-a/send-money/x", Map.of()).status());

        var sendOnly = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of("scopes", List.of("send")));
        Http sender = dfspWith(sendOnly.field("apiKey"));
        assertEquals(400, sender.post("/bank-a/send-money", Map.of()).status(), "authenticated: the body is validated");
        assertEquals(403, sender.get("/bank-a/transfers/x").status());

        var expiring = gateway.admin().post("/admin/tenants/bank-a/api-keys",
            Map.of("expiresAt", java.time.Instant.now().plusSeconds(2).toString()));
        assertEquals(201, expiring.status(), expiring.body());
        Http soon = dfspWith(expiring.field("apiKey"));
        assertEquals("3100", soon.get("/bank-a/transfers/x").field("statusCode"));
        Thread.sleep(2_500);
        assertEquals(401, soon.get("/bank-a/transfers/x").status(), "expired");
        String listed = gateway.admin().get("/admin/tenants/bank-a/api-keys").body();
        assertTrue(listed.contains("\"keyId\":\"" + expiring.field("keyId") + "\",\"createdAt\"") && listed.contains("\"expiresAt\""), listed);

        var bad = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of("scopes", List.of("ALL"), "expiresAt", "tomorrow"));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("scopes/0") && bad.body().contains("expiresAt"), bad.body());
        var past = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of("expiresAt", "2020-01-01T00:00:00Z"));
        assertEquals(400, past.status(), past.body());
    }

    @Test
    void revokedKeyStopsWorkingAndRevokingAgainIsHarmless() {
        var issued = issue("bank-b");
        String keyId = issued.get("keyId").toString();
        Http client = dfspWith(issued.get("apiKey"));
        assertEquals("3100", client.get("/bank-b/transfers/x").field("statusCode"));
        var revoked = gateway.admin().delete("/admin/tenants/bank-b/api-keys/" + keyId);
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(keyId, revoked.field("keyId"));
        assertEquals(401, client.get("/bank-b/transfers/x").status(), "a revoked key stops at once on the replica that revoked it");
        var again = gateway.admin().delete("/admin/tenants/bank-b/api-keys/" + keyId);
        assertEquals(200, again.status());
        assertEquals(revoked.field("revokedAt"), again.field("revokedAt"));
        assertEquals(404, gateway.admin().delete("/admin/tenants/bank-a/api-keys/" + keyId).status(), "not bank-a's key");
        assertEquals(404, gateway.admin().delete("/admin/tenants/bank-b/api-keys/nope").status());
        assertEquals(404, gateway.admin().post("/admin/tenants/nobody/api-keys", Map.of()).status());
    }

    @Test
    void keyRoutesNeedTheAdminTokenAndAreAuditedWithoutTheKey() {
        assertEquals(401, gateway.anonymousAdmin().post("/admin/tenants/bank-a/api-keys", Map.of()).status());
        var issued = gateway.adminAs("ops-kim").post("/admin/tenants/bank-a/api-keys", Map.of()).json();
        String keyId = issued.get("keyId").toString();
        String apiKey = issued.get("apiKey").toString();
        assertEquals(401, gateway.anonymousAdmin().delete("/admin/tenants/bank-a/api-keys/" + keyId).status());
        assertEquals(200, gateway.adminAs("ops-kim").delete("/admin/tenants/bank-a/api-keys/" + keyId).status());
        String audit = gateway.admin().get("/admin/tenants/bank-a/audit").body();
        assertTrue(audit.contains("api-key.issue") && audit.contains("api-key.revoke") && audit.contains(keyId) && audit.contains("ops-kim"),
            audit);
        assertFalse(audit.contains(apiKey.substring(keyId.length() + 1)), "the key never reaches the audit log");
        assertEquals(401, gateway.anonymousAdmin().post("/admin/tenants/random-guess-7/api-keys", Map.of()).status());
        String metrics = gateway.admin().with("Accept", "text/plain").get("/observe/metrics").body();
        assertFalse(metrics.contains("random-guess-7"), "unauthenticated paths do not become metric tags");
    }

    @Test
    void disabledTenantGetsNoNewKeysAndItsKeysOpenNothing() {
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-c", Tenants.standard("bankC")).status());
        Http client = dfspWith(issue("bank-c").get("apiKey"));
        assertEquals("3100", client.get("/bank-c/transfers/x").field("statusCode"));
        assertEquals(200, gateway.admin().delete("/admin/tenants/bank-c").status());
        var refused = client.get("/bank-c/transfers/x");
        assertEquals(404, refused.status());
        assertEquals("3200", refused.field("statusCode"));
        assertEquals(404, gateway.admin().post("/admin/tenants/bank-c/api-keys", Map.of()).status());
    }

    @Test
    void keyRevokedElsewhereStopsWorkingWithinSeconds() throws Exception {
        var issued = issue("bank-a");
        Http client = dfspWith(issued.get("apiKey"));
        assertEquals("3100", client.get("/bank-a/transfers/x").field("statusCode"));
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("UPDATE api_keys SET revoked_at = now() WHERE key_id = ?")) {
            statement.setString(1, issued.get("keyId").toString());
            assertEquals(1, statement.executeUpdate());
        }
        int status = Poll.last(Duration.ofSeconds(10), () -> client.get("/bank-a/transfers/x").status(), s -> s == 401);
        assertEquals(401, status, "a key revoked by another replica stops within the cache time");
    }
}
