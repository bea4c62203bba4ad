package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With approval required (the default on an external database), a dropped or uploaded jar loads only once an operator
 * approved its checksum through the admin API; the approval is audited and starts the waiting jar without a restart;
 * the private copy the host loads is checked against the approved checksum.
 */
class PluginApprovalIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestGateway gateway;
    private static Path built;

    @BeforeAll
    static void start() throws IOException {
        built = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-jars")), "approval");
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("plugins.require-approval", "true"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aDroppedJarWaitsForItsApprovalThenStartsWithoutARestart() throws IOException {
        Path jar = PluginJarBuilder.adapter("acme", "1.0.0", "test.acme", "\"Acme\"").build(built.resolve("acme.jar"));
        String sha256 = PluginAllowListIT.sha256(jar);
        Files.copy(jar, Plugins.dropIn(gateway).resolve("acme.jar"));
        var waiting = Plugins.await(gateway, e -> sha256.equals(e.get("sha256")), WAIT);
        assertEquals("REJECTED", waiting.get("state"));
        assertTrue(waiting.get("reason").toString().contains("POST /admin/plugins/approvals"), waiting.toString());

        var upload = gateway.admin().send("POST", "/admin/plugins", "application/java-archive", PluginJarBuilder.bytes(jar));
        assertEquals(400, upload.status(), "an unapproved upload is refused and not stored: " + upload.body());

        var approved = gateway.adminAs("ops-jane").post("/admin/plugins/approvals",
            Map.of("sha256", sha256.toUpperCase(), "note", "acme 1.0.0, change 4711"));
        assertEquals(201, approved.status(), approved.body());
        assertTrue(approved.body().contains("\"state\":\"STARTED\""), "the waiting jar started at once: " + approved.body());
        assertEquals("STARTED", Plugins.await(gateway, Plugins.version("acme", "1.0.0"), WAIT).get("state"));
        assertEquals(200, gateway.admin().post("/admin/plugins/approvals", Map.of("sha256", sha256, "note", "again")).status());

        var listed = gateway.admin().get("/admin/plugins/approvals").body();
        assertTrue(listed.contains(sha256) && listed.contains("acme 1.0.0, change 4711"), listed);
        assertEquals(List.of("admin plugin.upload", "ops-jane plugin.approve", "admin plugin.approve"), audit(sha256),
            "the refused upload and both approvals are audited with their actor");

        assertEquals(200, gateway.admin().delete("/admin/plugins/approvals/" + sha256).status());
        assertTrue(audit(sha256).contains("admin plugin.revoke"), audit(sha256).toString());
        assertFalse(gateway.admin().get("/admin/plugins/approvals").body().contains(sha256));
        var again = gateway.admin().delete("/admin/plugins/approvals/" + sha256);
        assertEquals(404, again.status(), again.body());
    }

    private static List<String> audit(String sha256) {
        try (var db = gateway.schema().connect();
             var statement = db.prepareStatement("SELECT actor || ' ' || action FROM audit_log WHERE tenant_id = '*' AND detail->>'sha256' = ?"
                 + " ORDER BY id")) {
            statement.setString(1, sha256);
            var result = new java.util.ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
            return result;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anApprovalWithoutAChecksumOrNoteIsRefusedNamingEachField() {
        var refused = gateway.admin().post("/admin/plugins/approvals", Map.of("sha256", "abc"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("3100", refused.field("statusCode"), refused.body());
        @SuppressWarnings("unchecked")
        var fields = ((List<Map<String, Object>>) refused.json().get("errors")).stream().map(e -> e.get("field")).sorted().toList();
        assertEquals(List.of("note", "sha256"), fields, refused.body());
    }

    @Test
    void theCopyTheHostLoadsIsCheckedAgainstTheApprovedChecksum() throws IOException {
        Path good = PluginJarBuilder.adapter("goodbank", "1.0.0", "test.goodbank", "\"Good\"").build(built.resolve("goodbank.jar"));
        Path evil = PluginJarBuilder.adapter("evilbank", "6.6.6", "test.evilbank", "\"Evil\"").build(built.resolve("evilbank.jar"));
        String sha256 = PluginAllowListIT.sha256(good);
        assertEquals(201, gateway.admin().post("/admin/plugins/approvals", Map.of("sha256", sha256, "note", "goodbank")).status());
        // Someone with write access to the host's private copies plants other code under the approved checksum's name.
        Path copies = Files.createDirectories(Plugins.dropIn(gateway).resolve(".loaded"));
        Files.copy(evil, copies.resolve(sha256 + ".jar"));
        Files.copy(good, Plugins.dropIn(gateway).resolve("goodbank.jar"));
        assertEquals("STARTED", Plugins.await(gateway, Plugins.version("goodbank", "1.0.0"), WAIT).get("state"));
        assertTrue(Plugins.find(gateway, e -> "evilbank".equals(e.get("id"))).isEmpty(), Plugins.list(gateway).toString());
    }
}
