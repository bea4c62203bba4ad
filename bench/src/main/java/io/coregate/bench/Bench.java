package io.coregate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The benchmark command's main class (run by {@code .ci/bench} from the repository root, never by the tests): the
 * baselines first ({@code pgbench -N}, the sandbox adapter in-process), then the gateway as its own process on a fresh
 * database of the local PostgreSQL, the scenarios at each concurrency, the tenant-scale run and a restart, and finally
 * the goals, the JSON and the plot in {@code bench/target}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("coregate.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("gateway/target/coregate.jar"))) {
            throw new IllegalStateException("no gateway/target/coregate.jar under " + root + ": build first (.ci/bench does)");
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        var report = new Report();
        describe(report, options, stamp);
        try (var databases = new ScratchDatabases(stamp.replace("-", "_"))) {
            new Scenarios(root, options, report, databases).all();
        }
        report.environment("loadAverageAtEnd", loadAverage());
        report.finish(root.resolve("bench/target"), stamp);
    }

    /** The load process's own libraries (Hikari, the simulator's Helidon server) log warnings only; the report logs info. */
    private static void quietLogs() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("io.coregate.bench").setLevel(java.util.logging.Level.INFO);
    }

    /** 1, 5 and 15 minute load averages: other work on the machine shows here. */
    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void describe(Report report, Options options, String stamp) throws Exception {
        report.environment("started", stamp + " UTC");
        report.environment("options", options);
        report.environment("cores", Runtime.getRuntime().availableProcessors());
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            report.environment("cpu", lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?"));
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            report.environment("memory", lines.findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("?"));
        }
        report.environment("loadAverageAtStart", loadAverage());
        report.environment("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        try (var c = DriverManager.getConnection(ScratchDatabases.SERVER + "postgres", "postgres", "");
             var rs = c.createStatement().executeQuery(
                 "SELECT version(), current_setting('synchronous_commit'), current_setting('max_connections')")) {
            rs.next();
            report.environment("postgres", rs.getString(1));
            report.environment("postgresSynchronousCommit", rs.getString(2));
            report.environment("postgresMaxConnections", rs.getString(3));
        }
        Report.say("CoreGate benchmark %s (%s): %s; load average %s", stamp, options.quick() ? "quick" : "full", options, loadAverage());
    }
}
