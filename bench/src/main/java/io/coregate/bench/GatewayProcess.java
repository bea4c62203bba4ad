package io.coregate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as its own process: {@code java -Xmx512m -jar gateway/target/coregate.jar} with the default (embedded)
 * configuration pointed by system properties at a database on the local PostgreSQL, on free ports, with no bootstrap
 * tenants and a known admin token. Its output goes to {@code bench/target/gateway-<n>.log}.
 */
final class GatewayProcess implements AutoCloseable, Run.Gateway {

    /** The admin token of the benchmark's gateway. */
    static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static int started;

    private final Process process;
    private final int adminPort;
    private final int sdkPort;
    private final int dfspPort;
    private final double readySeconds;

    private GatewayProcess(Process process, int adminPort, int sdkPort, int dfspPort, double readySeconds) {
        this.process = process;
        this.adminPort = adminPort;
        this.sdkPort = sdkPort;
        this.dfspPort = dfspPort;
        this.readySeconds = readySeconds;
    }

    /** Starts the gateway on {@code jdbcUrl} and waits until {@code /observe/health/ready} answers 200. */
    static GatewayProcess start(Path root, String jdbcUrl, String heap) throws IOException, InterruptedException {
        Path work = Files.createDirectories(root.resolve("bench/target/gateway-run"));
        int admin = freePort();
        int sdk = freePort();
        int dfsp = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap,
            "-Dserver.host=127.0.0.1", "-Dserver.port=" + admin, "-Dsdk.port=" + sdk, "-Ddfsp.port=" + dfsp,
            "-Ddb.url=" + jdbcUrl, "-Ddb.user=postgres", "-Dadmin.token=" + ADMIN_TOKEN,
            "-Dplugins.dir=" + work.resolve("plugins"), "-Dtenants.bootstrap-dir=" + work.resolve("no-bootstrap"),
            "-Dcoregate.config=" + work.resolve("none.yaml"),
            "-jar", root.resolve("gateway/target/coregate.jar").toString()));
        if (Boolean.getBoolean("bench.jfr")) {
            // -Dbench.jfr=true: a profile of the gateway for finding where the time goes (jfr print ... gateway-<n>.jfr).
            command.add(1, "-XX:StartFlightRecording=settings=profile,filename=" + root.resolve("bench/target/gateway-" + (started + 1) + ".jfr"));
        }
        Path log = root.resolve("bench/target/gateway-" + (++started) + ".log");
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/observe/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(120)) {
                process.destroyForcibly();
                throw new IllegalStateException("the gateway was not ready within 120 s; see " + log);
            }
            Thread.sleep(20);
        }
        return new GatewayProcess(process, admin, sdk, dfsp, (System.nanoTime() - begin) / 1e9);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    int adminPort() {
        return adminPort;
    }

    int sdkPort() {
        return sdkPort;
    }

    int dfspPort() {
        return dfspPort;
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    /** From process start to the first 200 of the readiness endpoint, in seconds. */
    double readySeconds() {
        return readySeconds;
    }

    @Override
    public double rssMb() {
        return Proc.rssMb(pid());
    }

    /** Heap in use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MB. */
    double heapAfterGcMb() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        long kb = 0;
        for (String line : info.split("\n")) {
            if (line.strip().startsWith("Metaspace")) {
                break;
            }
            Matcher used = USED.matcher(line);
            if (used.find()) {
                kb += Long.parseLong(used.group(1));
            }
        }
        return kb / 1024.0;
    }

    private String jcmd(String what) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), what).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the gateway (SIGTERM, its clean shutdown), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
