package io.coregate.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The tenant-scale run: onboards many more tenants, measures idle heap after GC and RSS before and after (the
 * difference per tenant is the per-tenant overhead), then runs the payee sequence round-robin over all of them and
 * reports the aggregate rate beside the few-tenant rate, and the spread of per-tenant rates and mean sequence times.
 * Tenants are taken in turn, so each is offered the same load: a spread in rates shows failures or stalls, a spread in
 * mean sequence time shows tenants served slower than others.
 */
final class TenantScale {

    private final Options options;
    private final Report report;

    TenantScale(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /** Runs it; answers how many tenants it onboarded. */
    int run(GatewayProcess gateway, Onboarding onboarding, int fewTenants) throws Exception {
        int count = options.scaleTenants();
        Report.say("Tenant scale: %d more tenants", count);
        double heapBefore = gateway.heapAfterGcMb();
        double rssBefore = gateway.rssMb();
        long start = System.nanoTime();
        List<String> tenants = onboarding.payees("scale", count);
        double onboardSeconds = (System.nanoTime() - start) / 1e9;
        double heapAfter = gateway.heapAfterGcMb();
        double rssAfter = gateway.rssMb();
        Report.say("  onboarded %d tenants in %.1f s (%.0f/s); idle heap after GC %.1f -> %.1f MB, RSS %.0f -> %.0f MB: %.1f KB heap per tenant",
            count, onboardSeconds, count / onboardSeconds, heapBefore, heapAfter, rssBefore, rssAfter, (heapAfter - heapBefore) * 1024 / count);
        report.tenantScale("tenants", count);
        report.tenantScale("onboardSeconds", onboardSeconds);
        report.tenantScale("idleHeapAfterGcBeforeMb", heapBefore);
        report.tenantScale("idleHeapAfterGcMb", heapAfter);
        report.tenantScale("rssBeforeMb", rssBefore);
        report.tenantScale("rssMb", rssAfter);
        report.tenantScale("heapPerTenantKb", (heapAfter - heapBefore) * 1024 / count);
        report.tenantScale("rssPerTenantKb", (rssAfter - rssBefore) * 1024 / count);
        spread(gateway, tenants, fewTenants);
        return count;
    }

    private void spread(GatewayProcess gateway, List<String> tenants, int fewTenants) throws Exception {
        int clients = options.reference();
        var sequences = new AtomicLongArray(tenants.size());
        var nanos = new AtomicLongArray(tenants.size());
        var next = new AtomicLong();
        Driver.Opener<RawHttp> opener = index -> new RawHttp(gateway.sdkPort(), Map.of());
        Driver.Sequence<RawHttp> sequence = (client, index, n, samples) -> {
            int tenant = (int) (next.getAndIncrement() % tenants.size());
            long begin = System.nanoTime();
            PayeeSequence.run(client, tenants.get(tenant), samples);
            nanos.addAndGet(tenant, System.nanoTime() - begin);
            sequences.incrementAndGet(tenant);
            return true;
        };
        Driver.run(clients, options.warmupSeconds(), OptionalDouble.empty(), opener, sequence);
        for (int i = 0; i < tenants.size(); i++) {
            sequences.set(i, 0);
            nanos.set(i, 0);
        }
        Run run = Run.measure("payee-all-tenants", clients, options.seconds(), gateway, opener, sequence);
        report.add(run);
        double[] rates = new double[tenants.size()];
        double[] means = new double[tenants.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = sequences.get(i) / run.seconds();
            means[i] = sequences.get(i) == 0 ? 0 : nanos.get(i) / 1e6 / sequences.get(i);
        }
        Arrays.sort(rates);
        Arrays.sort(means);
        double few = report.run("payee", clients).map(Run::perSecond).orElse(0.0);
        Report.say("  over %d tenants: %.1f seq/s (%.2fx the %d-tenant rate); per tenant seq/s min %.2f p50 %.2f max %.2f; "
                + "mean sequence ms per tenant min %.1f p50 %.1f max %.1f", tenants.size(), run.perSecond(), few == 0 ? 0 : run.perSecond() / few,
            fewTenants, rates[0], rates[rates.length / 2], rates[rates.length - 1], means[0], means[means.length / 2], means[means.length - 1]);
        report.tenantScale("perSecondAllTenants", run.perSecond());
        report.tenantScale("ratioToFewTenants", few == 0 ? 0 : run.perSecond() / few);
        report.tenantScale("perTenantPerSecond", Map.of("min", rates[0], "p50", rates[rates.length / 2], "max", rates[rates.length - 1]));
        report.tenantScale("perTenantMeanSequenceMs", Map.of("min", means[0], "p50", means[means.length / 2], "max", means[means.length - 1]));
        report.tenantScale("heapAfterGcAfterRunMb", gateway.heapAfterGcMb());
        report.tenantScale("rssAfterRunMb", gateway.rssMb());
    }
}
