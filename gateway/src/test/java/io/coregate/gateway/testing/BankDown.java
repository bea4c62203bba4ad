package io.coregate.gateway.testing;

import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's bank hangs while another tenant on the same plugin is served: the served tenant's lookup answers at
 * once, the hanging one's answers 2003 or 2004 within its timeout. The caller makes the bank hang first.
 */
public final class BankDown {

    private BankDown() {
    }

    /**
     * @param down          the tenant whose bank hangs
     * @param up            a tenant whose bank answers
     * @param msisdn        a party both tenants can look up
     * @param timeoutMillis the hanging tenant's {@code cbs.timeoutMillis}
     */
    public static void othersAreServed(TestGateway gateway, String down, String up, String msisdn, long timeoutMillis) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long started = System.nanoTime();
            var hanging = pool.submit(() -> new Backend(gateway, down).get("/parties/MSISDN/" + msisdn));
            Thread.sleep(200);
            var served = new Backend(gateway, up).get("/parties/MSISDN/" + msisdn);
            assertEquals(200, served.status(), "tenant " + up + " is served while the other bank hangs: " + served.body());
            assertTrue(millisSince(started) < 2_000, "tenant " + up + " did not wait for the other bank");
            var refused = hanging.get();
            long took = millisSince(started);
            assertTrue(List.of("2003", "2004").contains(refused.field("statusCode")), refused.body());
            assertTrue(took < timeoutMillis + 1_500, "tenant " + down + " was answered within its timeout: " + took + " ms");
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
