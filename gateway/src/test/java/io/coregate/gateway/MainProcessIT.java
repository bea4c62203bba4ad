package io.coregate.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real process: a bad configuration value ends it with a non-zero exit code and a message naming the key. */
class MainProcessIT {

    @Test
    void invalidEnvironmentValueExitsNonZeroNamingTheKey() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()))
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
}
