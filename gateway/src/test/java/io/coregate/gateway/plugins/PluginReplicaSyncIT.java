package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A jar uploaded to one replica is stored in PostgreSQL and pulled by another replica on the same schema. */
class PluginReplicaSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestGateway first;
    private static TestGateway second;
    private static Path jars;

    @BeforeAll
    static void start() throws java.io.IOException {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        first = TestGateway.start(schema, Map.of("plugins.sync-seconds", "1"));
        second = TestGateway.start(schema, Map.of("plugins.sync-seconds", "1"));
        jars = Files.createDirectories(first.workDir().resolve("built"));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static byte[] sandboxAs(String id, String version) {
        return PluginJarBuilder.bytes(PluginJarBuilder.repackage(PluginJarBuilder.sandboxJar(), jars.resolve(id + "-" + version + ".jar"),
            Map.of("Plugin-Id", id, "Plugin-Version", version)));
    }

    @Test
    void uploadedJarIsStoredAndPulledByTheOtherReplica() throws SQLException {
        byte[] jar = sandboxAs("sharedbank", "1.0.0");
        var uploaded = first.admin().send("POST", "/admin/plugins", "application/java-archive", jar);
        assertEquals(201, uploaded.status(), uploaded.body());
        assertEquals("sharedbank", uploaded.field("id"));
        assertEquals("STARTED", uploaded.field("state"));
        assertEquals("uploaded", uploaded.field("source"));
        String sha = uploaded.field("sha256");

        var pulled = Plugins.await(second, e -> sha.equals(e.get("sha256")) && "STARTED".equals(e.get("state")), WAIT);
        assertEquals("uploaded", pulled.get("source"));
        assertTrue(Files.isRegularFile(second.workDir().resolve("plugins/uploaded/" + sha + ".jar")), "pulled into the local plugins area");

        assertEquals(201, second.admin().put("/admin/tenants/shared", sharedTenant()).status());
        assertEquals(200, second.sdk().get("/shared/parties/MSISDN/260971000001").status());
        Plugins.await(first, e -> sha.equals(e.get("sha256")) && List.of("shared").equals(e.get("tenants")), WAIT);

        var again = second.admin().send("POST", "/admin/plugins", "application/octet-stream", jar);
        assertEquals(200, again.status(), again.body());
        assertEquals(1, storedJars(sha));
        assertTrue(audit().contains("plugin.upload STARTED"), audit().toString());
    }

    @Test
    void brokenUploadIsRefusedListedAndNeverStored() throws SQLException {
        var response = first.admin().send("POST", "/admin/plugins", "application/java-archive",
            "not a jar".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.status(), response.body());
        assertEquals("FAILED", response.field("state"));
        assertEquals("3100", response.field("statusCode"));
        assertTrue(response.field("message").contains("not a jar"), response.body());
        assertEquals(0, storedJars(response.field("sha256")));
        assertTrue(audit().contains("plugin.upload FAILED"), audit().toString());
        assertFalse(Plugins.find(second, e -> response.field("sha256").equals(e.get("sha256"))).isPresent());
    }

    @Test
    void uploadNeedsAJarContentTypeAndTheAdminToken() {
        byte[] jar = sandboxAs("typedbank", "1.0.0");
        assertEquals("3101", first.admin().send("POST", "/admin/plugins", "text/plain", jar).field("statusCode"));
        assertEquals(401, first.anonymousAdmin().send("POST", "/admin/plugins", "application/java-archive", jar).status());
    }

    @Test
    void aDeletedVersionLeavesEveryReplicaButNotWhileATenantUsesIt() throws SQLException {
        byte[] old = sandboxAs("gonebank", "1.0.0");
        var uploaded = first.admin().send("POST", "/admin/plugins", "application/java-archive", old);
        assertEquals(201, uploaded.status(), uploaded.body());
        String sha = uploaded.field("sha256");
        Plugins.await(second, e -> sha.equals(e.get("sha256")) && "STARTED".equals(e.get("state")), WAIT);
        var doc = Tenants.standard("gonedfsp");
        PluginHotLoadIT.cbs(doc).put("plugin", "gonebank");
        PluginHotLoadIT.cbs(doc).put("pluginVersion", "1.0.0");
        assertEquals(201, first.admin().put("/admin/tenants/gone-user", doc).status());

        var inUse = first.admin().delete("/admin/plugins/gonebank/1.0.0");
        assertEquals(400, inUse.status(), inUse.body());
        assertTrue(inUse.field("message").contains("serves tenants [gone-user]"), inUse.body());
        assertEquals(1, storedJars(sha), "nothing deleted while in use");

        var newer = first.admin().send("POST", "/admin/plugins", "application/java-archive", sandboxAs("gonebank", "1.1.0"));
        assertEquals(201, newer.status(), newer.body());
        PluginHotLoadIT.cbs(doc).put("pluginVersion", "1.1.0");
        assertEquals(200, first.admin().put("/admin/tenants/gone-user", doc).status());
        var deleted = first.admin().delete("/admin/plugins/gonebank/1.0.0");
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(0, storedJars(sha));
        Plugins.awaitGone(first, e -> sha.equals(e.get("sha256")), WAIT);
        Plugins.awaitGone(second, e -> sha.equals(e.get("sha256")), WAIT);
        assertFalse(Files.exists(second.workDir().resolve("plugins/uploaded/" + sha + ".jar")), "the other replica dropped its copy");
        assertEquals(200, second.sdk().get("/gone-user/parties/MSISDN/260971000001").status(), "the tenant runs on 1.1.0");
        assertTrue(audit().contains("plugin.delete null"), audit().toString());

        assertEquals(404, first.admin().delete("/admin/plugins/gonebank/1.0.0").status(), "already gone");
        var bundled = first.admin().delete("/admin/plugins/sandbox/1.0.0");
        assertEquals(400, bundled.status(), bundled.body());
        assertTrue(bundled.field("message").contains("bundled"), bundled.body());
    }

    private static Map<String, Object> sharedTenant() {
        var doc = Tenants.standard("shareddfsp");
        PluginHotLoadIT.cbs(doc).put("plugin", "sharedbank");
        return doc;
    }

    private static int storedJars(String sha) throws SQLException {
        try (var connection = first.schema().connect();
             var statement = connection.prepareStatement("SELECT count(*) FROM plugin_store WHERE tenant_id = '*' AND sha256 = ?")) {
            statement.setString(1, sha);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> audit() throws SQLException {
        try (var connection = first.schema().connect();
             var statement = connection.prepareStatement(
                 "SELECT action, detail->>'state' FROM audit_log WHERE tenant_id = '*' ORDER BY id");
             var rows = statement.executeQuery()) {
            var result = new ArrayList<String>();
            while (rows.next()) {
                result.add(rows.getString(1) + " " + rows.getString(2));
            }
            return result;
        }
    }
}
