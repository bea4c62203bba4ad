package io.coregate.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.coregate.gateway.testing.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Everything a benchmark run measured: printed as it goes, written as JSON and an SVG plot, and the goals at the end. */
final class Report {

    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final List<PgBench.Result> pgbench = new ArrayList<>();
    private final Map<String, Object> memory = new LinkedHashMap<>();
    private final Map<String, Object> tenantScale = new LinkedHashMap<>();
    private final List<Goal> goals = new ArrayList<>();

    /** The report's lines (.ci/bench formats them as bare messages). */
    private static final System.Logger OUT = System.getLogger("io.coregate.bench");

    static void say(String format, Object... args) {
        OUT.log(System.Logger.Level.INFO, String.format(Locale.ROOT, format, args));
    }

    static void line(Run run) {
        say("  %-22s clients %3d: %8.1f seq/s %8.1f calls/s | per call p50 %6.2f p95 %6.2f p99 %7.2f max %7.2f ms "
                + "| errors %d | cpu gateway %.2f postgres %.2f load %.2f (gateway %.2f ms CPU per sequence) | gateway RSS %.0f MB%s",
            run.scenario(), run.clients(), run.perSecond(), run.callsPerSecond(), run.latency().p50(), run.latency().p95(),
            run.latency().p99(), run.latency().max(), run.errors(), run.cpu().gateway(), run.cpu().postgres(), run.cpu().load(),
            run.perSecond() == 0 ? 0 : run.cpu().gateway() * 1000 / run.perSecond(), run.gatewayRssMb(),
            run.firstError().isEmpty() ? "" : " | first error: " + run.firstError());
    }

    void environment(String key, Object value) {
        environment.put(key, value);
    }

    void add(Run run) {
        runs.add(run);
    }

    void add(PgBench.Result result) {
        pgbench.add(result);
        say("  %-22s clients %3d: %8.1f tps, latency average %.2f ms | cpu postgres %.2f", "pgbench -N", result.clients(), result.tps(),
            result.latencyMs(), result.cpu().postgres());
    }

    void memory(String key, Object value) {
        memory.put(key, value);
    }

    void tenantScale(String key, Object value) {
        tenantScale.put(key, value);
    }

    Optional<Run> best(String scenario) {
        return runs.stream().filter(r -> r.scenario().equals(scenario)).max(Comparator.comparingDouble(Run::perSecond));
    }

    Optional<Run> run(String scenario, int clients) {
        return runs.stream().filter(r -> r.scenario().equals(scenario) && r.clients() == clients).findFirst();
    }

    double pgbenchTps(int clients) {
        return pgbench.stream().filter(p -> p.clients() == clients).mapToDouble(PgBench.Result::tps).findFirst().orElse(0);
    }

    /** A recorded figure of {@code memory} or {@code tenantScale}; NaN when missing. */
    double figure(String section, String key) {
        Object value = ("memory".equals(section) ? memory : tenantScale).get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    void goal(Goal goal) {
        goals.add(goal);
    }

    /** Prints the goals and writes {@code bench-<stamp>.json} and {@code bench-<stamp>.svg} into {@code dir}. */
    void finish(Path dir, String stamp) throws IOException {
        say("");
        say("Ratios to the same run's baselines at the same client count (sequences or pairs per second / pgbench -N tps, / sandbox in-process):");
        var ratios = ratios();
        ratios.forEach(r -> say("  %-22s clients %3d: %.3f x pgbench, %.5f x sandbox in-process", r.get("scenario"), r.get("clients"),
            r.get("toPgbench"), r.get("toSandboxInProcess")));
        say("");
        say("Goals of issue 17 on this machine (reported, not asserted):");
        goals.forEach(g -> say("  %s", g.line()));
        var json = new LinkedHashMap<String, Object>();
        json.put("environment", environment);
        json.put("runs", runs);
        json.put("pgbench", pgbench);
        json.put("memory", memory);
        json.put("tenantScale", tenantScale);
        json.put("ratios", ratios);
        json.put("goals", goals);
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + stamp + ".json");
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        Path svg = dir.resolve("bench-" + stamp + ".svg");
        Files.writeString(svg, plot());
        say("");
        say("wrote %s and %s", file, svg);
    }

    private List<Map<String, Object>> ratios() {
        var result = new ArrayList<Map<String, Object>>();
        for (Run run : runs) {
            double pg = pgbenchTps(run.clients());
            double sandbox = run("sandbox-in-process", run.clients()).map(Run::perSecond).orElse(0.0);
            if (run.scenario().equals("sandbox-in-process") || pg == 0) {
                continue;
            }
            var ratio = new LinkedHashMap<String, Object>();
            ratio.put("scenario", run.scenario());
            ratio.put("clients", run.clients());
            ratio.put("toPgbench", run.perSecond() / pg);
            ratio.put("toSandboxInProcess", sandbox == 0 ? 0.0 : run.perSecond() / sandbox);
            result.add(ratio);
        }
        return result;
    }

    private String plot() {
        var pg = new LinkedHashMap<Integer, Double>();
        pgbench.forEach(p -> pg.put(p.clients(), p.tps()));
        var throughput = List.of(
            Plot.of("payee sequences/s", runs, "payee", Run::perSecond),
            Plot.of("payer sequences/s", runs, "payer", Run::perSecond),
            Plot.of("ledger pairs/s, many accounts", runs, "ledger-many", Run::perSecond),
            Plot.of("ledger pairs/s, one hot account", runs, "ledger-hot", Run::perSecond),
            new Plot.Series("pgbench -N tps", pg));
        var p99 = List.of(
            Plot.of("payee sequences/s", runs, "payee", r -> r.latency().p99()),
            Plot.of("payer sequences/s", runs, "payer", r -> r.latency().p99()),
            Plot.of("ledger pairs/s, many accounts", runs, "ledger-many", r -> r.latency().p99()),
            Plot.of("ledger pairs/s, one hot account", runs, "ledger-hot", r -> r.latency().p99()));
        return Plot.svg("CoreGate " + environment.getOrDefault("started", "") + " — throughput and p99 per call vs concurrency"
            + " (2-core machine, gateway and load in separate JVMs)", throughput, p99);
    }
}
