package io.coregate.gateway.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

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

    private static void run(TestGateway gateway, int tenants, int clients, int seconds, boolean print) throws InterruptedException {
        ClosedLoop.Result result = ClosedLoop.run(gateway.gateway().sdkPort(), clients, seconds,
            (client, index, n, samples) -> sequence(client, "/t" + ((index + n) % tenants), samples));
        if (print) {
            report("payee sequences (quote + transfer + COMPLETED): %d tenants, %d clients, %d s: %.0f sequences/s (%.0f calls/s), "
                + "errors %d; per call %s", tenants, clients, seconds, result.iterations() / (double) seconds,
                result.nanos().length / (double) seconds, result.errors(), Stats.latencies(result.nanos()));
        }
    }

    private static boolean sequence(RawHttp client, String tenant, ClosedLoop.Samples samples) throws IOException {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "1");
        var quote = samples.call(client, "POST", tenant + "/quoterequests", json(quoteRequest));
        if (quote.status() != 200) {
            return false;
        }
        String transferId = Payee.id();
        var answer = Http.JSON.readValue(quote.body(), OBJECT);
        if (samples.call(client, "POST", tenant + "/transfers", json(Payee.transfer(transferId, quoteRequest, answer))).status() != 200) {
            return false;
        }
        return samples.call(client, "PUT", tenant + "/transfers/" + transferId, json(Payee.notification(transferId, "COMPLETED")))
            .status() == 200;
    }

    private static byte[] json(Object body) throws IOException {
        return Http.JSON.writeValueAsBytes(body);
    }

    private static void report(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, format, args));
    }
}
