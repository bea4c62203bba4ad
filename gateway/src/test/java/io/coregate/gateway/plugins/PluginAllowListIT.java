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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With plugins.allowed-sha256 set, only approved jars load; others are listed as REJECTED with the reason. */
class PluginAllowListIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TestGateway gateway;
    private static Path built;
    private static Path approved;

    @BeforeAll
    static void start() throws IOException {
        built = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-jars")), "allow");
        approved = PluginJarBuilder.adapter("approved", "1.0.0", "test.approved", "\"ok\"").build(built.resolve("approved.jar"));
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("plugins.allowed-sha256", "  " + sha256(approved).toUpperCase() + " ,"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void onlyApprovedChecksumsLoad() throws IOException {
        Path dropIn = Files.createDirectories(gateway.workDir().resolve("plugins"));
        Files.copy(approved, dropIn.resolve("approved.jar"));
        Path other = PluginJarBuilder.adapter("unapproved", "1.0.0", "test.unapproved", "\"no\"").build(built.resolve("unapproved.jar"));
        Files.copy(other, dropIn.resolve("unapproved.jar"));

        var ok = Plugins.await(gateway, e -> "approved".equals(e.get("id")), WAIT);
        assertEquals("STARTED", ok.get("state"));
        var rejected = Plugins.await(gateway, e -> sha256(other).equals(e.get("sha256")), WAIT);
        assertEquals("REJECTED", rejected.get("state"));
        assertTrue(rejected.get("reason").toString().contains("plugins.allowed-sha256"), rejected.toString());

        var upload = gateway.admin().send("POST", "/admin/plugins", "application/java-archive", PluginJarBuilder.bytes(other));
        assertEquals(400, upload.status(), upload.body());
        assertEquals("REJECTED", upload.field("state"));
        var bundled = Plugins.find(gateway, e -> "sandbox".equals(e.get("id"))).orElseThrow();
        assertEquals("STARTED", bundled.get("state"), "bundled plugins ship with the distribution and are always available");
    }

    @Test
    void malformedAllowListStopsStartUpNamingTheKey() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(io.coregate.gateway.config.ConfigException.class,
            () -> TestGateway.start(TestDatabase.freshSchema(), Map.of("plugins.allowed-sha256", "abc")));
        assertTrue(error.getMessage().contains("plugins.allowed-sha256"), error.getMessage());
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
