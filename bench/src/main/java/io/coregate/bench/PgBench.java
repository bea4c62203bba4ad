package io.coregate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durable-commit baseline: {@code pgbench -N} (the TPC-B-like script without the branch and teller updates: three
 * updates or inserts and a select per transaction, one commit) on a scratch database of the same server, at a client
 * count. Found as the newest {@code /usr/lib/postgresql/<v>/bin/pgbench}, else {@code pgbench} on the PATH.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final String executable;
    private final String database;

    private PgBench(String executable, String database) {
        this.executable = executable;
        this.database = database;
    }

    /** Initialises {@code database} (scale 5) for the runs. */
    static PgBench init(String database) throws IOException, InterruptedException {
        var pgbench = new PgBench(find(), database);
        pgbench.exec(List.of("-i", "-q", "-s", "5"), 300);
        return pgbench;
    }

    private static String find() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                var found = versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get().toString();
                }
            }
        }
        return "pgbench";
    }

    /**
     * A pgbench run.
     *
     * @param clients     client connections
     * @param tps         committed transactions per second (without connection time)
     * @param latencyMs   average transaction latency
     * @param cpu         cores used (PostgreSQL; pgbench itself counts as the load)
     */
    record Result(int clients, double tps, double latencyMs, CpuMeter.Usage cpu) {
    }

    /** Runs {@code pgbench -N} with {@code clients} clients for {@code seconds}. */
    Result run(int clients, int seconds) throws IOException, InterruptedException {
        CpuMeter meter = CpuMeter.start(0);
        String out = exec(List.of("-N", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
            "-T", String.valueOf(seconds)), seconds + 120L);
        CpuMeter.Usage cpu = meter.stop();
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        return new Result(clients, Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0, cpu);
    }

    private String exec(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(executable, "-h", "127.0.0.1", "-p", "5432", "-U", "postgres"));
        command.addAll(args);
        command.add(database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench " + args + " failed: " + out);
        }
        return out;
    }
}
