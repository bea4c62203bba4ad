package io.coregate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway as a separate process, {@code java -jar coregate.jar} on the test's own JDK, configured through
 * system properties: loopback listeners on free ports, the given database schema, a drop-in plugin directory and a
 * tenant secrets directory inside {@code work} (so a restart on the same {@code work} and schema finds everything
 * again), the admin token {@link TestGateway#ADMIN_TOKEN}. Its output goes to {@code work/gateway-<n>.log}.
 * {@link #kill} ends it as a crash does (SIGKILL, descendants first): no shutdown hook, no last write. Not thread-safe.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int adminPort;
    private final int dfspPort;

    private GatewayProcess(Process process, Path log, int adminPort, int dfspPort) {
        this.process = process;
        this.log = log;
        this.adminPort = adminPort;
        this.dfspPort = dfspPort;
    }

    /**
     * Starts the jar and waits until its admin API answers.
     *
     * @param jar      the packaged {@code coregate.jar}
     * @param work     the process's working directory; {@code plugins/} and {@code secrets/} inside it are its
     *                 drop-in plugin and tenant secrets directories
     * @param schema   where its data lives
     * @param settings more config keys ({@code transfers.reconcile.interval-seconds} ...), over the defaults here
     */
    public static GatewayProcess start(Path jar, Path work, TestDatabase.Schema schema, Map<String, String> settings) {
        int admin = freePort();
        int sdk = freePort();
        int dfsp = freePort();
        var config = new LinkedHashMap<String, String>();
        config.put("server.host", "127.0.0.1");
        config.put("server.port", Integer.toString(admin));
        config.put("sdk.port", Integer.toString(sdk));
        config.put("dfsp.port", Integer.toString(dfsp));
        config.put("db.url", schema.url());
        config.put("db.user", schema.user());
        config.put("db.password", schema.password());
        config.put("db.schema", schema.schema());
        config.put("db.pool-size", "6");
        config.put("admin.token", TestGateway.ADMIN_TOKEN);
        config.put("plugins.dir", work.resolve("plugins").toString());
        config.put("plugins.require-approval", "false");
        config.put("tenants.bootstrap-dir", work.resolve("no-bootstrap").toString());
        config.put("tenants.secrets-dir", work.resolve("secrets").toString());
        config.put("tenants.refresh-seconds", "1");
        config.putAll(settings);
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        try {
            Files.createDirectories(work.resolve("plugins"));
            Files.createDirectories(work.resolve("secrets"));
            Path log = work.resolve("gateway-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            var started = new GatewayProcess(process, log, admin, dfsp);
            started.awaitAdmin(Duration.ofSeconds(90));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A client for the admin listener, with the admin token. */
    public Http admin() {
        return new Http("http://127.0.0.1:" + adminPort, Map.of("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN));
    }

    /** A client for the dfsp (channel) listener, without credentials. */
    public Http dfsp() {
        return new Http("http://127.0.0.1:" + dfspPort, Map.of());
    }

    /** Ends the process as a crash does: SIGKILL to its descendants and to it, then waits for it to be gone. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the gateway process " + process.pid() + " outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing the gateway", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process wrote so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitAdmin(Duration limit) {
        boolean up = Poll.last(limit, () -> !process.isAlive() || answers(), ok -> ok) && process.isAlive();
        if (!up) {
            close();
            throw new AssertionError("the gateway did not start within " + limit.toSeconds() + " s; its log:\n" + log());
        }
    }

    private boolean answers() {
        try {
            return admin().get("/admin/plugins").status() == 200;
        } catch (UncheckedIOException | IllegalStateException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
