package io.coregate.gateway.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar coregate.jar} as a user runs it, on the built jar: a JDK 17 gets the one-line message and exit code 1,
 * a JDK 21+ reaches the real {@code Main}. Runs in the {@code integration-test} phase, after {@code package} has built the jar
 * (the {@code coregate.jar} property names it); the JDK 17 case needs {@value #JAVA_17} and is skipped without it.
 */
class LauncherIT {

    static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    private static Path jar;

    @BeforeAll
    static void builtJar() {
        String property = System.getProperty("coregate.jar");
        assumeTrue(property != null, "runs in the integration-test phase, against the packaged jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no built jar at " + jar);
    }

    @Test
    void java17IsToldInOneLineThatCoreGateNeedsJava21() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of(JAVA_17)), "no JDK 17 at " + JAVA_17);
        Run run = run(JAVA_17);
        assertEquals(Launcher.TOO_OLD, run.exit(), run.output());
        assertTrue(run.output().startsWith("CoreGate needs Java 21 or newer; found 17"), run.output());
        assertTrue(run.output().contains("JAVA_HOME"), run.output());
        assertEquals(1, run.output().strip().lines().count(), run.output());
        assertFalse(run.output().contains("UnsupportedClassVersionError"), run.output());
    }

    @Test
    void theCurrentJavaReachesTheRealMain() throws IOException, InterruptedException {
        Run run = run(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("db.pool-size"), run.output());
    }

    /** Runs the jar with an invalid pool size, so that a gateway that does start stops at once with exit code 2. */
    private static Run run(String java) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toString())).redirectErrorStream(true);
        builder.environment().put("DB_POOL_dash_SIZE", "zero");
        builder.environment().put("ADMIN_TOKEN", "a-long-enough-admin-token");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {
    }
}
