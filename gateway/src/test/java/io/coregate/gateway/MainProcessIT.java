package io.coregate.gateway;

import io.coregate.gateway.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process: a bad configuration value ends it with a non-zero exit code and a message naming the key; SIGTERM
 * stops it cleanly and its log says so to the end.
 */
class MainProcessIT {

    @Test
    void sigtermStopsTheGatewayAndTheLogKeepsItsLastLines(@TempDir Path work) throws IOException, InterruptedException {
        String output = stopWhenLogged(work, "CoreGate " + Main.gatewayVersion() + " started");
        assertTrue(output.contains("CoreGate stopping"), output);
        assertTrue(output.contains("CoreGate stopped"), output);
    }

    @Test
    void sigtermDuringStartUpEndsTheProcessAndStopsWhatStarted(@TempDir Path work) throws IOException, InterruptedException {
        String output = stopWhenLogged(work, "plugin sandbox");
        if (output.contains("CoreGate " + Main.gatewayVersion() + " started")) {
            assertTrue(output.contains("CoreGate stopped"), output);
        }
    }

    /** Starts the real process, sends SIGTERM when a log line contains {@code trigger}, answers the whole log. */
    private static String stopWhenLogged(Path work, String trigger) throws IOException, InterruptedException {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        var builder = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()))
            .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ADMIN_TOKEN", "a-long-enough-admin-token");
        env.put("SERVER_PORT", "0");
        env.put("SDK_PORT", "0");
        env.put("DFSP_PORT", "0");
        env.put("DB_URL", schema.url());
        env.put("DB_USER", schema.user());
        env.put("DB_PASSWORD", schema.password());
        env.put("DB_SCHEMA", schema.schema());
        env.put("PLUGINS_DIR", work.resolve("plugins").toString());
        env.put("TENANTS_BOOTSTRAP_dash_DIR", work.resolve("no-tenants").toString());
        Process process = builder.start();
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains(trigger)) {
                    break;
                }
            }
            assertTrue(line != null, "the gateway never logged '" + trigger + "':\n" + output);
            process.toHandle().destroy(); // SIGTERM; Process.destroy would also close our end of its output
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the gateway did not stop on SIGTERM (logged so far:\n" + output + ")");
            lines.lines().forEach(l -> output.append(l).append('\n'));
        } finally {
            process.destroyForcibly();
        }
        return output.toString();
    }

    @Test
    void invalidEnvironmentValueExitsNonZeroNamingTheKey() throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()))
            .redirectErrorStream(true);
        builder.environment().put("DB_POOL_dash_SIZE", "zero");
        builder.environment().put("ADMIN_TOKEN", "a-long-enough-admin-token");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "process did not stop");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("db.pool-size"), output);
        assertTrue(!output.contains("a-long-enough-admin-token"), output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
