package io.coregate.bench;

/** The goals of issue 17 (item 2), computed from the run's own figures and baselines, and added to the report. */
final class Goals {

    private final Report report;
    private final Options options;

    Goals(Report report, Options options) {
        this.report = report;
        this.options = options;
    }

    void evaluate() {
        ratioToPgbench("payee sequence >= 0.2 x pgbench -N at the same clients", "payee", 0.2);
        ratioToPgbench("payer sequence >= 0.1 x pgbench -N at the same clients", "payer", 0.1);
        ratioToPgbench("ledger pairs (many accounts) >= 0.5 x pgbench -N", "ledger-many", 0.5);
        report.best("ledger-many").ifPresent(many -> report.run("ledger-hot", many.clients()).ifPresent(hot ->
            report.goal(Goal.atLeast("hot account >= 0.3 x many accounts (" + many.clients() + " clients)", hot.perSecond(), "pairs/s",
                many.perSecond(), "many", 0.3))));
        report.run("payee-half-peak", report.best("payee").map(Run::clients).orElse(options.reference())).ifPresent(half ->
            report.goal(Goal.atMost("payee p99 per call at half the peak rate", half.latency().p99(), "ms", 20)));
        atMost(options.scaleTenants() + " tenants: heap after GC", number("tenantScale", "idleHeapAfterGcMb"), "MB", 512);
        atMost("ready after restart with all tenants (external Postgres)", number("memory", "readySecondsRestartWithTenants"), "s", 3);
    }

    private void ratioToPgbench(String name, String scenario, double factor) {
        report.best(scenario).ifPresent(best -> report.goal(Goal.atLeast(name + " (" + best.clients() + " clients)", best.perSecond(), "/s",
            report.pgbenchTps(best.clients()), "pgbench", factor)));
    }

    private void atMost(String name, double value, String unit, double bound) {
        if (!Double.isNaN(value)) {
            report.goal(Goal.atMost(name, value, unit, bound));
        }
    }

    private double number(String section, String key) {
        return report.figure(section, key);
    }
}
