package io.coregate.gateway.http;

import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTenantsIT {

    private TestDatabase.Schema schema;
    private TestGateway gateway;

    @BeforeEach
    void start() {
        schema = TestDatabase.freshSchema();
        gateway = TestGateway.start(schema, Map.of());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void adminApiRefusesMissingOrWrongToken() {
        var missing = gateway.anonymousAdmin().get("/admin/tenants");
        assertEquals(401, missing.status());
        assertEquals("3000", missing.field("statusCode"));
        assertEquals(401, gateway.anonymousAdmin().with("Authorization", "Bearer wrong").get("/admin/tenants").status());
        assertEquals(401, gateway.anonymousAdmin().with("Authorization", "Basic " + TestGateway.ADMIN_TOKEN).get("/admin/tenants").status());
        assertEquals(401, gateway.anonymousAdmin().put("/admin/tenants/x", Tenants.standard("x")).status());
        assertEquals(401, gateway.anonymousAdmin().get("/admin/nothing").status());
        assertEquals(200, gateway.admin().get("/admin/tenants").status());
    }

    @Test
    void createThenReplaceAnswers201Then200AndBumpsTheRevision() {
        var created = gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA"));
        assertEquals(201, created.status(), created.body());
        assertEquals("1", created.field("revision"));
        var replaced = gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA2"));
        assertEquals(200, replaced.status());
        assertEquals("2", replaced.field("revision"));
        var fetched = gateway.admin().get("/admin/tenants/bank-a").json();
        assertEquals("bankA2", ((Map<?, ?>) fetched.get("document")).get("dfspId"));
    }

    @Test
    void invalidDocumentListsEveryProblem() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("currencies", List.of("ZMW", "XXQ"));
        doc.put("supportedIdTypes", List.of("MSISDN", "PHONE"));
        doc.put("cbs", Map.of("plugin", "sandbox", "timeoutMillis", -5, "secrets", Map.of("password", "hunter2")));
        doc.put("colour", "blue");
        var response = gateway.admin().put("/admin/tenants/bank-b", doc);
        assertEquals(400, response.status(), response.body());
        assertEquals("3100", response.field("statusCode"));
        @SuppressWarnings("unchecked")
        var fields = ((List<Map<String, String>>) response.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertTrue(fields.containsAll(List.of("dfspId", "currencies[1]", "supportedIdTypes[1]", "cbs.timeoutMillis", "cbs.secrets.password",
            "colour")), fields.toString());
        assertFalse(response.body().contains("hunter2"), "a secret value must never be echoed");
        assertEquals(404, gateway.admin().get("/admin/tenants/bank-b").status());
    }

    @Test
    void unknownPluginNamesTheLoadedPlugins() {
        var doc = Tenants.standard("bankC");
        doc.put("cbs", Map.of("plugin", "t99"));
        var response = gateway.admin().put("/admin/tenants/bank-c", doc);
        assertEquals(400, response.status());
        assertTrue(response.body().contains("unknown plugin 't99'") && response.body().contains("sandbox"), response.body());
    }

    @Test
    void anUnknownPluginIsListedWithTheDocumentsOtherProblems() {
        var doc = Tenants.standard("bankC2");
        doc.put("cbs", Map.of("plugin", "t99", "maxConcurrency", "many"));
        doc.put("currencies", List.of("ZMW", 7));
        var response = gateway.admin().put("/admin/tenants/bank-c2", doc);
        assertEquals(400, response.status(), response.body());
        @SuppressWarnings("unchecked")
        var fields = ((List<Map<String, String>>) response.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("currencies[1]", "cbs.maxConcurrency", "cbs.plugin"), fields);
        assertTrue(response.body().contains("unknown plugin 't99'"), response.body());
    }

    @Test
    void malformedBodyAndBadTenantIdAreClearErrors() {
        var malformed = gateway.admin().send("PUT", "/admin/tenants/bank-d", "application/json", "{\"dfspId\": ".getBytes());
        assertEquals(400, malformed.status());
        assertEquals("3101", malformed.field("statusCode"));
        var notJson = gateway.admin().send("PUT", "/admin/tenants/bank-d", "text/plain", "hello".getBytes());
        assertEquals(400, notJson.status());
        assertEquals("3101", notJson.field("statusCode"));
        var badId = gateway.admin().put("/admin/tenants/Bank_D", Tenants.standard("bankD"));
        assertEquals(400, badId.status());
        assertEquals("3100", badId.field("statusCode"));
    }

    @Test
    void deleteDisablesButKeepsTheTenantAndItsHistory() {
        gateway.admin().put("/admin/tenants/bank-e", Tenants.standard("bankE"));
        assertEquals(200, gateway.sdk().get("/bank-e/parties/MSISDN/260971000001").status());
        var deleted = gateway.admin().delete("/admin/tenants/bank-e");
        assertEquals(200, deleted.status());
        assertEquals("false", deleted.field("enabled"));
        assertEquals("3200", gateway.sdk().get("/bank-e/parties/MSISDN/260971000001").field("statusCode"));
        assertEquals(404, gateway.admin().delete("/admin/tenants/nobody").status());
        var audit = gateway.admin().get("/admin/tenants/bank-e/audit").json();
        @SuppressWarnings("unchecked")
        var actions = ((List<Map<String, Object>>) audit.get("entries")).stream().map(e -> e.get("action")).toList();
        assertEquals(List.of("tenant.delete", "tenant.put"), actions);
    }

    @Test
    void auditRecordsWhoAndWhatWithSecretsRedacted() {
        var doc = Tenants.standard("bankF");
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) doc.get("cbs");
        cbs.put("secrets", Map.of("password", "env:BANK_F_PASSWORD"));
        assertEquals(201, gateway.adminAs("ops-jane").put("/admin/tenants/bank-f", doc).status());
        var entries = gateway.admin().get("/admin/tenants/bank-f/audit").body();
        assertTrue(entries.contains("\"actor\":\"ops-jane\""), entries);
        assertTrue(entries.contains("\"password\":\"***\""), entries);
        assertFalse(entries.contains("BANK_F_PASSWORD"), entries);
    }

    @Test
    void tenantsSurviveARestart() {
        gateway.admin().put("/admin/tenants/bank-g", Tenants.standard("bankG"));
        gateway.close();
        gateway = TestGateway.start(schema, Map.of());
        assertEquals(200, gateway.admin().get("/admin/tenants/bank-g").status());
        assertEquals(200, gateway.sdk().get("/bank-g/parties/MSISDN/260971000001").status());
    }

    @Test
    void pluginsListShowsTheBundledSandboxAndItsTenants() {
        gateway.admin().put("/admin/tenants/bank-h", Tenants.standard("bankH"));
        var response = gateway.admin().get("/admin/plugins");
        assertEquals(200, response.status());
        @SuppressWarnings("unchecked")
        var plugins = (List<Map<String, Object>>) response.json().get("plugins");
        var sandbox = plugins.stream().filter(p -> "sandbox".equals(p.get("id"))).findFirst().orElseThrow();
        assertEquals("STARTED", sandbox.get("state"));
        assertEquals("bundled", sandbox.get("source"));
        assertEquals(64, sandbox.get("sha256").toString().length());
        assertEquals(List.of("bank-h"), sandbox.get("tenants"));
    }
}
