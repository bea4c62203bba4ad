package io.coregate.gateway.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Complete payee sequences per second: quote, transfer (reserve in the CBS, logged RESERVED) and the COMPLETED
 * notification (commit in the CBS, logged COMMITTED, liquidity position moved), each call durable in PostgreSQL. Starts
 * the real gateway (PostgreSQL as the tests find it, bundled sandbox plugin), spreads the load over {@code tenants}
 * tenants, runs {@code clients} closed-loop clients for {@code seconds}. Prints sequences/s, per-call latency
 * percentiles and memory. The client runs in the same JVM on the same cores: the figures are a floor.
 *
 * <p>Arguments (all optional): tenants (default 10), clients (16), seconds (20).
 */
public final class PayeeBench {

    private static final System.Logger LOG = System.getLogger(PayeeBench.class.getName());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private PayeeBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (TestGateway gateway = TestGateway.start()) {
            for (int i = 0; i < tenants; i++) {
                var doc = Tenants.standard("bankA");
                if (gateway.admin().put("/admin/tenants/t" + i, doc).status() != 201) {
                    throw new IllegalStateException("onboarding t" + i + " failed");
                }
            }
            run(gateway, tenants, clients, 3, false);
            run(gateway, tenants, clients, seconds, true);
            report("after the run: %s", Stats.memory());
        }
    }

    /** One client's per-call latencies and completed sequences. */
    private static final class Samples {
        final long[] nanos = new long[3_000_000];
        int count;
        int sequences;
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
                    while (System.nanoTime() < deadline && mine.count < mine.nanos.length - 3) {
                        String tenant = "/t" + ((offset + mine.sequences) % tenants);
                        if (sequence(client, tenant, mine)) {
                            mine.sequences++;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (print) {
            long[] nanos = samples.stream().flatMapToLong(s -> Arrays.stream(s.nanos, 0, s.count)).toArray();
            int sequences = samples.stream().mapToInt(s -> s.sequences).sum();
            report("payee sequences (quote + transfer + COMPLETED): %d tenants, %d clients, %d s: %.0f sequences/s (%.0f calls/s), "
                + "errors %d; per call %s", tenants, clients, seconds, sequences / (double) seconds, nanos.length / (double) seconds,
                errors.get(), Stats.latencies(nanos));
        }
    }

    private static boolean sequence(RawHttp client, String tenant, Samples mine) throws IOException {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "1");
        var quote = timed(client, mine, "POST", tenant + "/quoterequests", quoteRequest);
        if (quote.status() != 200) {
            return false;
        }
        String transferId = Payee.id();
        var answer = Http.JSON.readValue(quote.body(), OBJECT);
        if (timed(client, mine, "POST", tenant + "/transfers", Payee.transfer(transferId, quoteRequest, answer)).status() != 200) {
            return false;
        }
        return timed(client, mine, "PUT", tenant + "/transfers/" + transferId, Payee.notification(transferId, "COMPLETED")).status() == 200;
    }

    private static RawHttp.Answer timed(RawHttp client, Samples mine, String method, String path, Object body) throws IOException {
        byte[] bytes = Http.JSON.writeValueAsBytes(body);
        long start = System.nanoTime();
        RawHttp.Answer answer = client.exchange(method, path, bytes);
        mine.nanos[mine.count++] = System.nanoTime() - start;
        return answer;
    }

    private static void report(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, format, args));
    }
}
