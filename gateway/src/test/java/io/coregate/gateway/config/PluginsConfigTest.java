package io.coregate.gateway.config;

import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin host's keys: scan and sync intervals, and the optional checksum allow-list. */
class PluginsConfigTest {

    private static GatewayConfig.Plugins load(Map<String, String> values) {
        return ConfigLoader.load(TestGateway.config(values), Path.of("bundled")).plugins();
    }

    @Test
    void defaultsScanEverySecondSyncEveryFiveSecondsAndAllowEveryJar() {
        var plugins = load(Map.of());
        assertEquals(Duration.ofSeconds(1), plugins.scanInterval());
        assertEquals(Duration.ofSeconds(5), plugins.syncInterval());
        assertTrue(plugins.allowedSha256().isEmpty());
    }

    @Test
    void allowListIsTrimmedAndLowerCased() {
        String a = "A".repeat(64);
        String b = "0123456789abcdef".repeat(4);
        assertEquals(Set.of("a".repeat(64), b), load(Map.of("plugins.allowed-sha256", " " + a + " , " + b + ",")).allowedSha256());
    }

    @Test
    void approvalIsRequiredOnAnExternalDatabaseAndNotForTheEmbeddedDemoUnlessSaid() {
        assertFalse(load(Map.of()).requireApproval(), "embedded demo: any dropped jar loads");
        assertTrue(load(Map.of("db.url", "jdbc:postgresql://db:5432/coregate")).requireApproval(), "production: approved jars only");
        assertFalse(load(Map.of("db.url", "jdbc:postgresql://db:5432/coregate", "plugins.require-approval", "false")).requireApproval());
        assertTrue(load(Map.of("plugins.require-approval", " TRUE ")).requireApproval());
    }

    @Test
    void invalidValuesNameTheirKey() {
        for (var entry : Map.of("plugins.allowed-sha256", "not-a-checksum", "plugins.scan-millis", "5", "plugins.sync-seconds", "0",
                "plugins.require-approval", "yes")
                .entrySet()) {
            var error = assertThrows(ConfigException.class, () -> load(Map.of(entry.getKey(), entry.getValue())));
            assertTrue(error.getMessage().contains(entry.getKey()), error.getMessage());
        }
    }
}
