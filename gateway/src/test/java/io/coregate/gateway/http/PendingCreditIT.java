package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payee credit the CBS answers pending after the hub committed (issue 10): the notification is answered at once, the
 * transfer stays visibly COMMITTING (RESERVED to the hub) and is finished by the settling job when the bank calls back
 * or its status says so; the customer is credited exactly once, a repeated notification calls nothing again, and a
 * credit the bank fails goes to RECONCILE for the retry job.
 */
class PendingCreditIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1",
            "transfers.reconcile.base-delay-millis", "200", "transfers.reconcile.max-delay-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Backend tenant(String name, String via, String outcome) {
        var doc = Tenants.sandbox(name + "fsp", Map.of("accounts", Tenants.standardAccounts(), "async", Map.of("operations",
            List.of("commitCredit"), "settleAfterMillis", 500, "via", via, "outcome", outcome)));
        assertEquals(201, gateway.admin().put("/admin/tenants/" + name, doc).status());
        return new Backend(gateway, name);
    }

    @Test
    void aPendingCreditSettledByCallbackIsCommittedOnce() {
        creditedOnce("cbcredit", "callback");
    }

    @Test
    void aPendingCreditSettledByPollingIsCommittedOnce() {
        creditedOnce("pollcredit", "polling");
    }

    @Test
    void aPendingCreditTheBankFailsGoesToReconcileForTheRetryJob() {
        var backend = tenant("failcredit", "callback", "FAILED");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "7");
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals("COMMITTING", admin("failcredit", transferId).get("state"));
        // The bank failed the pending credit: nothing booked, so the retry job sends it again under the same key (the
        // sandbox settles that one pending again and fails it again): the transfer never reads COMMITTED.
        String state = Poll.last(Duration.ofSeconds(15), () -> (String) admin("failcredit", transferId).get("state"), "RECONCILE"::equals);
        assertEquals("RECONCILE", state);
        assertEquals("RESERVED", backend.get("/transfers/" + transferId).field("transferState"));
    }

    private static void creditedOnce(String name, String via) {
        var backend = tenant(name, via, "COMPLETED");
        BigDecimal before = PayeeFlowIT.balance(gateway, name, "SB-0001");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "25");
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals("COMMITTING", admin(name, transferId).get("state"), "visible while the bank has not confirmed");
        assertEquals("RESERVED", backend.get("/transfers/" + transferId).field("transferState"));
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status(), "a repeat is answered");

        String state = Poll.last(Duration.ofSeconds(15), () -> (String) admin(name, transferId).get("state"), "COMMITTED"::equals);
        assertEquals("COMMITTED", state);
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        assertEquals(0, before.add(new BigDecimal("25")).compareTo(PayeeFlowIT.balance(gateway, name, "SB-0001")), "credited once");
        @SuppressWarnings("unchecked")
        var legs = (List<Map<String, Object>>) admin(name, transferId).get("legs");
        assertEquals(List.of("RESERVE", "COMMIT"), legs.stream().map(l -> l.get("leg")).toList());
        assertTrue(legs.stream().allMatch(l -> "BOOKED".equals(l.get("state"))), legs.toString());
    }

    private static Map<String, Object> admin(String tenant, String transferId) {
        var response = gateway.admin().get("/admin/tenants/" + tenant + "/transfers/" + transferId);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
