package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1",
            "transfers.reconcile.base-delay-millis", "200", "transfers.reconcile.max-delay-seconds", "1"));
        var flaky = Tenants.sandbox("flakyfsp", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "commitCredit", "kind", "UNAVAILABLE", "times", 2),
                Map.of("operation", "releaseCredit", "kind", "TIMEOUT", "times", 1))));
        assertEquals(201, gateway.admin().put("/admin/tenants/flaky", flaky).status());
        var down = Tenants.sandbox("downfsp", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "commitCredit", "kind", "TIMEOUT"))));
        assertEquals(201, gateway.admin().put("/admin/tenants/down", down).status());
        var refusing = Tenants.sandbox("refusingfsp", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "reserveCredit", "kind", "LIMIT_EXCEEDED"))));
        assertEquals(201, gateway.admin().put("/admin/tenants/refusing", refusing).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> admin(String tenant, String transferId) {
        var response = gateway.admin().get("/admin/tenants/" + tenant + "/transfers/" + transferId);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static Map<String, Object> awaitState(String tenant, String transferId, String state) throws InterruptedException {
        var transfer = Poll.last(Duration.ofSeconds(15), () -> admin(tenant, transferId), t -> state.equals(t.get("state")));
        if (state.equals(transfer.get("state"))) {
            return transfer;
        }
        throw new AssertionError("transfer " + transferId + " never reached " + state + ": " + admin(tenant, transferId));
    }

    @Test
    void commitTheCbsRefusesGoesToReconcileAndIsRetriedToCommitted() throws InterruptedException {
        var backend = new Backend(gateway, "flaky");
        BigDecimal alice = PayeeFlowIT.balance(gateway, "flaky", "SB-0001");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "40");
        var notified = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, notified.status(), notified.body());
        var reconcile = admin("flaky", transferId);
        assertEquals("RECONCILE", reconcile.get("state"));
        assertEquals("COMMITTED", reconcile.get("targetState"));
        assertEquals("RESERVED", backend.get("/transfers/" + transferId).field("transferState"), "outwards only the spec's states");

        var committed = awaitState("flaky", transferId, "COMMITTED");
        assertEquals(0, alice.add(new BigDecimal("40")).compareTo(PayeeFlowIT.balance(gateway, "flaky", "SB-0001")), "credited once");
        var states = ((List<?>) committed.get("journal")).stream().map(e -> ((Map<?, ?>) e).get("to")).toList();
        assertEquals(List.of("RECEIVED", "RESERVED", "RECONCILE", "RECONCILE", "COMMITTED"), states);
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        var metrics = gateway.admin().get("/observe/metrics").body();
        assertTrue(metrics.contains("coregate_transfers_total") && metrics.contains("outcome=\"reconcile\""), "transfer counter by outcome");
        assertTrue(metrics.contains("coregate_transfers_reconcile_open"), "open-case gauge by tenant");
    }

    @Test
    void releaseTheCbsDoesNotConfirmIsRetriedToAborted() throws InterruptedException {
        var backend = new Backend(gateway, "flaky");
        BigDecimal float0 = PayeeFlowIT.balance(gateway, "flaky", "DISBURSEMENT");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "8");
        var aborted = backend.notify(transferId, Payee.notification(transferId, "ERROR_OCCURRED"));
        assertEquals(500, aborted.status(), aborted.body());
        assertEquals("Transfer Not Completed Error", aborted.field("message"));
        assertEquals("ABORTED", admin("flaky", transferId).get("targetState"));
        awaitState("flaky", transferId, "ABORTED");
        assertEquals(0, float0.compareTo(PayeeFlowIT.balance(gateway, "flaky", "DISBURSEMENT")), "the hold is released");
    }

    @Test
    void reservationTheCbsRefusesIsAbortedAndReplayed() {
        var backend = new Backend(gateway, "refusing");
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "9");
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        String transferId = Payee.id();
        var body = Payee.transfer(transferId, quoteRequest, quote.json());
        var refused = backend.prepare(body);
        assertEquals(500, refused.status(), refused.body());
        assertEquals("5200", refused.field("statusCode"));
        var again = backend.prepare(body);
        assertEquals(refused.json(), again.json());
        assertEquals("ABORTED", backend.get("/transfers/" + transferId).field("transferState"));
    }

    @Test
    void operatorResolvesAStuckCaseAndTheResolutionIsAudited() {
        var backend = new Backend(gateway, "down");
        String transferId = Payee.id();
        PayeeFlowIT.reserve(backend, transferId, "5");
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        // The credit timed out: not known, so the transfer is COMMITTING (shown to the hub as RESERVED) until the CBS's
        // status says it never booked, then RECONCILE.
        assertEquals("COMMITTING", admin("down", transferId).get("state"));
        assertEquals("RESERVED", backend.get("/transfers/" + transferId).field("transferState"));
        assertEquals("RECONCILE", Poll.last(Duration.ofSeconds(15), () -> admin("down", transferId).get("state"), "RECONCILE"::equals));

        var list = gateway.admin().get("/admin/tenants/down/transfers?state=RECONCILE&direction=INBOUND&limit=10");
        assertEquals(200, list.status(), list.body());
        var ids = ((List<?>) list.json().get("transfers")).stream().map(t -> ((Map<?, ?>) t).get("transferId")).toList();
        assertTrue(ids.contains(transferId), list.body());

        var bad = gateway.admin().post("/admin/tenants/down/transfers/" + transferId + "/resolve", Map.of("outcome", "MAYBE", "reason", "x"));
        assertEquals(400, bad.status(), bad.body());
        var anonymous = gateway.anonymousAdmin().post("/admin/tenants/down/transfers/" + transferId + "/resolve",
            Map.of("outcome", "COMMITTED", "reason", "x"));
        assertEquals(401, anonymous.status());

        var resolved = gateway.adminAs("ops-jane").post("/admin/tenants/down/transfers/" + transferId + "/resolve",
            Map.of("outcome", "COMMITTED", "reason", "credited by hand, CBS ref 42"));
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("COMMITTED", resolved.field("state"));
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        var again = gateway.admin().post("/admin/tenants/down/transfers/" + transferId + "/resolve",
            Map.of("outcome", "ABORTED", "reason", "x"));
        assertEquals(400, again.status(), "only RECONCILE cases can be resolved");
        var audit = gateway.admin().get("/admin/tenants/down/audit").body();
        assertTrue(audit.contains("transfer.resolve") && audit.contains("ops-jane") && audit.contains("CBS ref 42"), audit);
    }

    @Test
    void listIsNewestFirstAndFiltered() {
        var backend = new Backend(gateway, "flaky");
        String first = Payee.id();
        String second = Payee.id();
        PayeeFlowIT.reserve(backend, first, "1");
        PayeeFlowIT.reserve(backend, second, "2");
        var list = gateway.admin().get("/admin/tenants/flaky/transfers?state=RESERVED&limit=2");
        assertEquals(200, list.status(), list.body());
        var ids = ((List<?>) list.json().get("transfers")).stream().map(t -> ((Map<?, ?>) t).get("transferId")).toList();
        assertEquals(List.of(second, first), ids);
        assertEquals(0, ((List<?>) gateway.admin().get("/admin/tenants/flaky/transfers?direction=OUTBOUND").json().get("transfers")).size());
        assertEquals(0, ((List<?>) gateway.admin().get("/admin/tenants/flaky/transfers?from=2999-01-01T00:00:00Z").json()
            .get("transfers")).size());
        assertEquals(400, gateway.admin().get("/admin/tenants/flaky/transfers?state=NOPE").status());
        assertEquals(404, gateway.admin().get("/admin/tenants/flaky/transfers/" + Payee.id()).status());
    }
}
