package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payee lease covers the CBS call it guards (the tenant's timeout, not only the configured margin): a COMPLETED
 * notification retried while a slow commitCredit runs waits for it and replays its answer instead of calling the CBS
 * a second time, even with the configured lease forced far below the call's duration.
 */
class LeaseCoversCallIT {

    private static final String TENANT = "slowcredit";
    private static final int LATENCY_MILLIS = 1_200;

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.lease-millis", "100"));
        var slow = Tenants.sandbox("slowcreditfsp", Map.of("accounts", Tenants.standardAccounts(), "latencyMillis", LATENCY_MILLIS));
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) slow.get("cbs");
        cbs.put("timeoutMillis", 5_000);
        assertEquals(201, gateway.admin().put("/admin/tenants/" + TENANT, slow).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** How many commitCredit calls the gateway made to the tenant's CBS (the CBS timer's count). */
    static long cbsCalls(TestGateway gateway, String tenant, String operation) {
        return gateway.admin().get("/observe/metrics").body().lines()
            .filter(l -> l.startsWith("coregate_cbs_calls_seconds_count{") && l.contains("tenant=\"" + tenant + "\"")
                && l.contains("operation=\"" + operation + "\""))
            .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .sum();
    }

    @Test
    void notificationRetriedDuringASlowCommitCreditsOnce() throws Exception {
        var backend = new Backend(gateway, TENANT);
        BigDecimal alice = PayeeFlowIT.balance(gateway, TENANT, "SB-0001");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "25");
        long before = cbsCalls(gateway, TENANT, "commitCredit");

        var first = CompletableFuture.supplyAsync(() -> backend.notify(transferId, Payee.notification(transferId, "COMPLETED")));
        Thread.sleep(LATENCY_MILLIS / 3);
        Http.Response retried = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        Http.Response answered = first.get();

        assertEquals(200, answered.status(), answered.body());
        assertEquals(200, retried.status(), retried.body());
        assertEquals(1, cbsCalls(gateway, TENANT, "commitCredit") - before, "commitCredit called exactly once");
        assertEquals(0, alice.add(new BigDecimal("25")).compareTo(PayeeFlowIT.balance(gateway, TENANT, "SB-0001")), "credited once");
        var detail = gateway.admin().get("/admin/tenants/" + TENANT + "/transfers/" + transferId).json();
        var states = ((List<?>) detail.get("journal")).stream().map(e -> ((Map<?, ?>) e).get("to")).toList();
        assertEquals(List.of("RECEIVED", "RESERVED", "COMMITTED"), states);
    }
}
