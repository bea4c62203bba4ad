package io.coregate.bench;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.OutboundSimulator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The scenarios of one benchmark run, in order, each at every concurrency, after an unmeasured warm-up. */
final class Scenarios {

    private static final String HEAP = "512m";

    private final Path root;
    private final Options options;
    private final Report report;
    private final ScratchDatabases databases;

    Scenarios(Path root, Options options, Report report, ScratchDatabases databases) {
        this.root = root;
        this.options = options;
        this.report = report;
        this.databases = databases;
    }

    void all() throws Exception {
        if (options.runs("baselines")) {
            baselines();
        }
        String url = ScratchDatabases.SERVER + databases.create("gateway");
        int tenantsOnboarded;
        try (var gateway = GatewayProcess.start(root, url, HEAP)) {
            Report.say("gateway pid %d ready in %.2f s (fresh database: migrations ran); logs in bench/target", gateway.pid(),
                gateway.readySeconds());
            report.memory("readySecondsFreshDatabase", gateway.readySeconds());
            report.memory("idleHeapAfterGcMb", gateway.heapAfterGcMb());
            report.memory("idleRssMb", gateway.rssMb());
            var onboarding = new Onboarding(gateway);
            List<String> payees = onboarding.payees("payee", options.tenants());
            try (var simulator = OutboundSimulator.start()) {
                List<Onboarding.Payer> payers = onboarding.payers("payer", options.tenants(), simulator.url());
                if (options.runs("payee")) {
                    payee(gateway, payees);
                }
                if (options.runs("payer")) {
                    payer(gateway, payers);
                }
            }
            if (options.runs("ledger")) {
                ledger(url, gateway);
            }
            report.memory("heapAfterGcAfterLoadMb", gateway.heapAfterGcMb());
            report.memory("rssAfterLoadMb", gateway.rssMb());
            int scaled = options.runs("scale") ? new TenantScale(options, report).run(gateway, onboarding, payees.size()) : 0;
            tenantsOnboarded = 2 * options.tenants() + scaled;
        }
        if (options.runs("restart")) {
            restart(url, tenantsOnboarded);
        }
        new Goals(report, options).evaluate();
    }

    private void restart(String url, int tenantsOnboarded) throws Exception {
        try (var restarted = GatewayProcess.start(root, url, HEAP)) {
            Report.say("gateway restarted with %d tenants: ready in %.2f s; heap after GC %.1f MB, RSS %.0f MB", tenantsOnboarded,
                restarted.readySeconds(), restarted.heapAfterGcMb(), restarted.rssMb());
            report.memory("readySecondsRestartWithTenants", restarted.readySeconds());
            report.memory("restartTenants", tenantsOnboarded);
        }
    }

    private void baselines() throws Exception {
        Report.say("Baseline: pgbench -N on a scratch database of the same server");
        var pgbench = PgBench.init(databases.create("pgbench"));
        for (int clients : options.concurrencies()) {
            report.add(pgbench.run(clients, (int) options.seconds()));
        }
        Report.say("Baseline: the sandbox adapter called in-process (lookup, quote, reserve credit, commit credit)");
        try (var sandbox = new SandboxInProcess()) {
            for (int clients : options.concurrencies()) {
                Driver.Sequence<AutoCloseable> sequence = (none, index, n, samples) -> sandbox.sequence(samples);
                Driver.run(clients, options.warmupSeconds(), OptionalDouble.empty(), index -> () -> { }, sequence);
                report.add(Run.measure("sandbox-in-process", clients, options.seconds(), Run.Gateway.NONE, index -> () -> { }, sequence));
            }
        }
    }

    private void payee(GatewayProcess gateway, List<String> tenants) throws Exception {
        Report.say("Payee sequence over %d tenants: lookup, quote, transfer, PUT COMPLETED", tenants.size());
        Driver.Opener<RawHttp> opener = index -> new RawHttp(gateway.sdkPort(), Map.of());
        Driver.Sequence<RawHttp> sequence = (client, index, n, samples) ->
            PayeeSequence.run(client, tenants.get((int) ((index + n) % tenants.size())), samples);
        for (int clients : options.concurrencies()) {
            Driver.run(clients, options.warmupSeconds(), OptionalDouble.empty(), opener, sequence);
            report.add(Run.measure("payee", clients, options.seconds(), gateway, opener, sequence));
        }
        Run peak = report.best("payee").orElseThrow();
        double half = peak.perSecond() / 2;
        Report.say("Payee sequence paced at half the peak rate (%.0f/s of %.0f/s) with %d clients", half, peak.perSecond(), peak.clients());
        report.add(Run.measure("payee-half-peak", peak.clients(), options.seconds(), OptionalDouble.of(half), gateway, opener, sequence));
        report.memory("heapAfterGcAfterPayeeMb", gateway.heapAfterGcMb());
    }

    private void payer(GatewayProcess gateway, List<Onboarding.Payer> payers) throws Exception {
        Report.say("Payer sequence over %d tenants: send-money, accept (zero-latency Connector simulator in the load process)", payers.size());
        Driver.Opener<RawHttp> opener = index -> new RawHttp(gateway.dfspPort(), Map.of("X-API-Key", payers.get(index % payers.size()).apiKey()));
        Driver.Sequence<RawHttp> sequence = (client, index, n, samples) ->
            PayerSequence.run(client, payers.get(index % payers.size()).id(), samples);
        for (int clients : options.concurrencies()) {
            Driver.run(clients, options.warmupSeconds(), OptionalDouble.empty(), opener, sequence);
            report.add(Run.measure("payer", clients, options.seconds(), gateway, opener, sequence));
        }
    }

    private void ledger(String url, GatewayProcess gateway) throws Exception {
        Report.say("Ledger reserve+post pairs through JdbcLedger in the load process (no HTTP route), pool of 16, same database");
        try (var ledger = new LedgerPairs(url)) {
            List<TenantId> many = ledger.accounts("ledger-many", options.ledgerAccounts());
            List<TenantId> hot = ledger.accounts("ledger-hot", 1);
            for (var scenario : List.of(Map.entry("ledger-many", many), Map.entry("ledger-hot", hot))) {
                for (int clients : options.concurrencies()) {
                    String prefix = scenario.getKey() + "-" + clients + "-";
                    Driver.Sequence<AutoCloseable> pair = (none, index, n, samples) ->
                        ledger.pair(scenario.getValue(), prefix + System.nanoTime() + "-" + index + "-" + n, samples);
                    Driver.run(clients, options.warmupSeconds(), OptionalDouble.empty(), index -> () -> { }, pair);
                    report.add(Run.measure(scenario.getKey(), clients, options.seconds(), gateway, index -> () -> { }, pair));
                }
            }
            boolean consistent = ledger.consistent();
            Report.say("  ledger check after the runs: %s", consistent ? "consistent" : "DISCREPANCIES");
            report.memory("ledgerConsistentAfterRuns", consistent);
        }
    }
}
