package io.coregate.gateway.bench;

import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;

import java.util.Locale;

/**
 * Party-lookup benchmark: starts the real gateway (real PostgreSQL as the tests find it, bundled sandbox plugin),
 * onboards {@code tenants} tenants, then runs {@code clients} closed-loop clients for {@code seconds} over the sdk
 * listener, spreading lookups over all tenants. Prints requests/s, latency percentiles and memory. The client (a
 * minimal keep-alive HTTP/1.1 client) runs in the same JVM on the same cores, so the figures are a floor, not the server's ceiling.
 *
 * <p>Arguments (all optional): tenants (default 1000), clients (16), seconds (20).
 */
public final class LookupBench {

    private static final System.Logger LOG = System.getLogger(LookupBench.class.getName());

    private LookupBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (TestGateway gateway = TestGateway.start()) {
            long onboard = System.nanoTime();
            for (int i = 0; i < tenants; i++) {
                var response = gateway.admin().put("/admin/tenants/t" + i, Tenants.standard("dfsp" + i));
                if (response.status() != 201) {
                    throw new IllegalStateException("onboarding t" + i + " failed: " + response.body());
                }
            }
            report("onboarded %d tenants in %.1f s; %s", tenants, (System.nanoTime() - onboard) / 1e9, Stats.memory());
            run(gateway, tenants, clients, 3, false);
            run(gateway, tenants, clients, seconds, true);
            report("after the run: %s", Stats.memory());
        }
    }

    private static void run(TestGateway gateway, int tenants, int clients, int seconds, boolean print) throws InterruptedException {
        byte[] none = new byte[0];
        ClosedLoop.Result result = ClosedLoop.run(gateway.gateway().sdkPort(), clients, seconds, (client, index, n, samples) -> {
            String path = "/t" + ((index + n) % tenants) + "/parties/MSISDN/260971000001";
            return samples.call(client, "GET", path, none).status() == 200;
        });
        if (print) {
            report("party lookups: %d tenants, %d clients, %d s: %.0f requests/s, errors %d; %s", tenants, clients, seconds,
                result.nanos().length / (double) seconds, result.errors(), Stats.latencies(result.nanos()));
        }
    }

    private static void report(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, format, args));
    }
}
