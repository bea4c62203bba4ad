package io.coregate.gateway.bench;

import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

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

    /** One client's latencies; {@code count} of them are filled. */
    private static final class Samples {
        final long[] nanos = new long[2_000_000];
        int count;
    }

    private static void run(TestGateway gateway, int tenants, int clients, int seconds, boolean print) throws InterruptedException {
        int port = gateway.gateway().sdkPort();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        var errors = new AtomicLong();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            var mine = new Samples();
            samples.add(mine);
            int offset = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (var client = new RawHttp("127.0.0.1", port)) {
                    while (System.nanoTime() < deadline && mine.count < mine.nanos.length) {
                        String path = "/t" + ((offset + mine.count) % tenants) + "/parties/MSISDN/260971000001";
                        long start = System.nanoTime();
                        if (client.send("GET", path, new byte[0]) != 200) {
                            errors.incrementAndGet();
                        }
                        mine.nanos[mine.count++] = System.nanoTime() - start;
                    }
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (print) {
            long[] nanos = samples.stream().flatMapToLong(s -> java.util.Arrays.stream(s.nanos, 0, s.count)).toArray();
            report("party lookups: %d tenants, %d clients, %d s: %.0f requests/s, errors %d; %s", tenants, clients, seconds,
                nanos.length / (double) seconds, errors.get(), Stats.latencies(nanos));
        }
    }

    private static void report(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, format, args));
    }
}
