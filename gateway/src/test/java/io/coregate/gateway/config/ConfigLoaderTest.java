package io.coregate.gateway.config;

import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void defaultsComeFromApplicationYaml() {
        GatewayConfig config = ConfigLoader.load(TestGateway.config(Map.of()), Path.of("bundled"));
        assertEquals(8080, config.listeners().adminPort());
        assertEquals(3003, config.listeners().sdkPort());
        assertEquals(3004, config.listeners().dfspPort());
        assertTrue(config.db().embedded());
        assertEquals(Path.of("data/plugins"), config.plugins().dropInDir());
        assertEquals(Path.of("bundled"), config.plugins().bundledDir());
        var timeouts = config.db().timeouts();
        assertEquals(java.time.Duration.ofSeconds(5), timeouts.connect());
        assertEquals(java.time.Duration.ofSeconds(30), timeouts.socket());
        assertEquals(java.time.Duration.ofMillis(15_000), timeouts.statement());
        assertEquals(java.time.Duration.ofMillis(5_000), timeouts.lock());
        assertEquals(java.time.Duration.ofMillis(5_000), timeouts.poolWait());
        assertEquals(java.time.Duration.ofMillis(2_000), timeouts.ready());
        assertEquals(8L << 20, config.listeners().discardBytes());
    }

    @ParameterizedTest
    @CsvSource({
        "sdk.port, abc, sdk.port",
        "server.port, 70000, server.port",
        "db.pool-size, 0, db.pool-size",
        "db.url, mysql://x, db.url",
        "db.schema, Robert'); DROP TABLE, db.schema",
        "admin.token, short, admin.token",
        "tenants.refresh-seconds, -1, tenants.refresh-seconds",
        "limits.max-payload-bytes, 12, limits.max-payload-bytes",
        "limits.discard-bytes, -1, limits.discard-bytes",
        "limits.read-timeout-millis, 0, limits.read-timeout-millis",
        "db.connect-timeout-seconds, 0, db.connect-timeout-seconds",
        "db.socket-timeout-seconds, 10, db.socket-timeout-seconds",
        "db.statement-timeout-millis, 99, db.statement-timeout-millis",
        "db.lock-timeout-millis, x, db.lock-timeout-millis",
        "db.pool-wait-millis, 10, db.pool-wait-millis",
        "db.ready-timeout-millis, 100000, db.ready-timeout-millis"
    })
    void invalidValueStopsStartUpNamingTheKey(String key, String value, String named) {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(TestGateway.config(Map.of(key, value)), Path.of("b")));
        assertTrue(error.getMessage().startsWith(named), error.getMessage());
    }

    @Test
    void passwordAndTokenNeverShowInToString() {
        GatewayConfig config = ConfigLoader.load(TestGateway.config(Map.of("db.url", "jdbc:postgresql://h/db", "db.password", "s3cret-pw",
            "admin.token", "very-secret-admin-token")), Path.of("b"));
        assertTrue(!config.toString().contains("s3cret-pw") && !config.toString().contains("very-secret-admin-token"), config.toString());
    }

    @Test
    void passwordFileIsReadWithoutItsTrailingNewlineAndWinsOverThePassword() throws java.io.IOException {
        Path file = java.nio.file.Files.createTempFile(java.nio.file.Files.createDirectories(Path.of("target")), "db-password", "");
        java.nio.file.Files.writeString(file, "from-the-secret\n");
        GatewayConfig config = ConfigLoader.load(TestGateway.config(Map.of("db.url", "jdbc:postgresql://h/db", "db.password", "inline",
            "db.password-file", file.toString())), Path.of("b"));
        assertEquals("from-the-secret", config.db().password());
        assertTrue(!config.toString().contains("from-the-secret"), config.toString());
    }

    @Test
    void missingPasswordFileStopsStartUpNamingTheKey() {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(TestGateway.config(Map.of(
            "db.password-file", "target/no-such-password-file")), Path.of("b")));
        assertTrue(error.getMessage().startsWith("db.password-file"), error.getMessage());
    }
}
