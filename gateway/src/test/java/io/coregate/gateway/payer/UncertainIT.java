package io.coregate.gateway.payer;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.testing.TestDatabase;
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

/** An accept whose outcome is unknown: UNCERTAIN touches nothing until the resolver (or an operator) learns how it ended. */
class UncertainIT {

    private static OutboundSimulator simulator;
    private static TestGateway gateway;
    private static Payers bank;

    @BeforeAll
    static void start() {
        simulator = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1",
            "transfers.reconcile.base-delay-millis", "200", "transfers.reconcile.max-delay-seconds", "1",
            "transfers.reserved-grace-seconds", "0"));
        bank = Payers.tenant(gateway, "unsure-bank", simulator, "100000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        simulator.close();
    }

    /** Starts a send whose accept times out at the connector while the hub decides {@code outcome}. */
    private static String uncertain(String payee, String outcome, SimulatorPlan plan) {
        simulator.planFor(payee, plan.acceptUnknown(SimulatorPlan.Step.TIMEOUT_504, outcome));
        String home = Payers.home();
        var quote = bank.send(Payers.sendMoney(home, payee, "200"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var unknown = bank.accept(transferId, home, true);
        assertEquals("2004", unknown.field("statusCode"), unknown.body());
        return transferId;
    }

    private static String awaitFinal(String transferId) throws InterruptedException {
        return Poll.last(Duration.ofSeconds(20), () -> bank.dfsp().get("/unsure-bank/transfers/" + transferId).field("transferState"),
            state -> !state.equals("UNCERTAIN"));
    }

    @Test
    void anUncertainTransferTheHubCommittedIsPostedByTheResolver() throws InterruptedException {
        var before = bank.snapshot();
        String transferId = uncertain("260972100021", "COMMITTED", SimulatorPlan.normal().failedReads(1));
        var pending = bank.snapshot();
        assertEquals(0, before.reserved().add(new BigDecimal("200")).compareTo(pending.reserved()), "UNCERTAIN keeps the reservation");
        assertEquals(0, before.customer().subtract(new BigDecimal("202")).compareTo(pending.customer()), "and the customer's debit");
        assertEquals("COMMITTED", awaitFinal(transferId));
        var after = bank.snapshot();
        assertEquals(0, before.position().add(new BigDecimal("200")).compareTo(after.position()));
        assertEquals(0, before.reserved().compareTo(after.reserved()));
        assertEquals(0, before.customer().subtract(new BigDecimal("202")).compareTo(after.customer()), "debited once");
        assertEquals(1, simulator.transfer(transferId).orElseThrow().accepts(), "the accept is never re-sent");
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void anUncertainTransferTheHubAbortedIsRefundedAndVoidedByTheResolver() throws InterruptedException {
        var before = bank.snapshot();
        String transferId = uncertain("260972100022", "ABORTED", SimulatorPlan.normal());
        assertEquals("ABORTED", awaitFinal(transferId));
        assertTrue(before.same(bank.snapshot()), "customer and ledger as before");
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void anOperatorResolvesAnUncertainTransferTheConnectorCannotReport() throws Exception {
        var before = bank.snapshot();
        String transferId = uncertain("260972100023", "ABORTED", SimulatorPlan.normal().failedReads(100_000));
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("UPDATE transfers SET expires_at = now() - interval '1 second'"
                 + " WHERE tenant_id = 'unsure-bank' AND mojaloop_transfer_id = ?")) {
            statement.setString(1, transferId);
            assertEquals(1, statement.executeUpdate());
        }
        String open = Poll.last(Duration.ofSeconds(10),
            () -> gateway.admin().get("/admin/tenants/unsure-bank/transfers?state=UNCERTAIN&direction=OUTBOUND").body(),
            body -> body.contains("an operator must resolve it"));
        assertTrue(open.contains("an operator must resolve it") && !open.contains("nextRetryAt"),
            "past the quote's expiry and grace the resolver stops and leaves it UNCERTAIN: " + open);
        String gauge = Poll.last(Duration.ofSeconds(5), () -> gateway.admin().with("Accept", "text/plain").get("/observe/metrics").body(),
            body -> body.matches("(?s).*coregate_transfers_uncertain_open\\{[^}]*unsure-bank[^}]*} 1\\.0.*"));
        assertTrue(gauge.matches("(?s).*coregate_transfers_uncertain_open\\{[^}]*unsure-bank[^}]*} 1\\.0.*"), "open UNCERTAIN gauge");
        var listed = gateway.admin().get("/admin/tenants/unsure-bank/transfers?state=UNCERTAIN&direction=OUTBOUND");
        assertEquals(200, listed.status(), listed.body());
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) listed.json().get("transfers");
        assertEquals(1, rows.size(), listed.body());
        String ref = rows.get(0).get("transferId").toString();
        assertEquals(transferId, rows.get(0).get("mojaloopTransferId"), "the list shows the id the channel was given: " + listed.body());
        String home = rows.get(0).get("homeTransactionId").toString();
        for (String id : List.of(transferId, ref, home)) {
            var found = gateway.admin().get("/admin/tenants/unsure-bank/transfers?id=" + id);
            assertEquals(200, found.status(), found.body());
            @SuppressWarnings("unchecked")
            var hits = (List<Map<String, Object>>) found.json().get("transfers");
            assertEquals(1, hits.size(), "searched by " + id + ": " + found.body());
            assertEquals(ref, hits.get(0).get("transferId"));
        }
        assertEquals("[]", gateway.admin().get("/admin/tenants/unsure-bank/transfers?id=nobody-holds-this").json().get("transfers").toString());
        assertEquals(400, gateway.admin().get("/admin/tenants/unsure-bank/transfers?limit=1001").status(), "a limit out of range is refused");
        assertEquals(400, gateway.admin().get("/admin/tenants/unsure-bank/transfers?limit=0").status());
        var badId = gateway.admin().get("/admin/tenants/unsure-bank/transfers?id=" + "x".repeat(129));
        assertEquals(400, badId.status(), badId.body());
        assertTrue(badId.body().contains("id"), badId.body());
        var byMojaloopId = gateway.admin().get("/admin/tenants/unsure-bank/transfers/" + transferId + "?direction=OUTBOUND");
        assertEquals(200, byMojaloopId.status(), byMojaloopId.body());
        assertEquals(ref, byMojaloopId.field("transferId"), "found by the Mojaloop transfer id its channel was given");
        assertTrue(byMojaloopId.body().contains("\"send money: ") && byMojaloopId.body().contains(" ZMW reserved\"")
            && !byMojaloopId.body().contains("Money["), byMojaloopId.body());
        for (String id : List.of(ref, transferId)) {
            var withoutDirection = gateway.admin().get("/admin/tenants/unsure-bank/transfers/" + id);
            assertEquals(200, withoutDirection.status(), "the id the list shows opens without ?direction=: " + withoutDirection.body());
            assertEquals(ref, withoutDirection.field("transferId"));
            assertEquals("OUTBOUND", withoutDirection.field("direction"));
        }
        var resolved = gateway.adminAs("ops-jane").post("/admin/tenants/unsure-bank/transfers/" + transferId
            + "/resolve?direction=OUTBOUND", Map.of("outcome", "ABORTED", "reason", "hub reports ABORTED"));
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("ABORTED", bank.dfsp().get("/unsure-bank/transfers/" + transferId).field("transferState"));
        assertTrue(before.same(bank.snapshot()), "refunded and voided");
        assertTrue(gateway.admin().get("/admin/tenants/unsure-bank/audit").body().contains("transfer.resolve"));
    }
}
