package io.coregate.gateway.payer;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure of the payer flow leaves the customer's balance and the ledger as they were; repeats make one transfer. */
class PayerFailuresIT {

    private static OutboundSimulator simulator;
    private static TestGateway gateway;
    private static Payers bank;

    @BeforeAll
    static void start() {
        simulator = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of());
        bank = Payers.tenant(gateway, "fail-bank", simulator, "100000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        simulator.close();
    }

    private static String quoted(String payee, String home, String amount) {
        var quote = bank.send(Payers.sendMoney(home, payee, amount));
        assertEquals(200, quote.status(), quote.body());
        return quote.field("transferId");
    }

    @Test
    void aPayerTheBankDoesNotKnowOrWhoseAccountIsBlockedIsRefusedBeforeAnythingElse() {
        var before = bank.snapshot();
        long posts = simulator.calls().stream().filter(c -> c.startsWith("POST")).count();
        var unknown = Payers.sendMoney(Payers.home(), Payers.MARY, "20");
        unknown.put("payer", Map.of("name", "Nobody", "payerId", "260979999999", "payerIdType", "MSISDN"));
        var refused = bank.send(unknown);
        assertEquals("3204", refused.field("statusCode"), refused.body());
        assertTrue(refused.field("message").contains("260979999999"), refused.body());
        var blocked = Payers.sendMoney(Payers.home(), Payers.MARY, "20");
        blocked.put("payer", Map.of("name", "Chanda Mwale", "payerId", "260971000003", "payerIdType", "MSISDN"));
        var refusedBlocked = bank.send(blocked);
        assertEquals("4400", refusedBlocked.field("statusCode"), refusedBlocked.body());
        assertEquals(posts, simulator.calls().stream().filter(c -> c.startsWith("POST")).count(), "the Connector was not asked");
        assertTrue(before.same(bank.snapshot()));
    }

    @Test
    void anUnknownPayeeAtTheTransferRequestIs3204AndReleasesTheReservation() {
        simulator.planFor("260972100011", SimulatorPlan.normal().postError("3204", "Party not found"));
        var before = bank.snapshot();
        var refused = bank.send(Payers.sendMoney(Payers.home(), "260972100011", "20"));
        assertEquals("3204", refused.field("statusCode"), refused.body());
        assertTrue(before.same(bank.snapshot()));
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void aTimeoutAtTheTransferRequestIs2004AndReleasesTheReservation() {
        simulator.planFor("260972100012", SimulatorPlan.normal().post(SimulatorPlan.Step.TIMEOUT_504));
        var before = bank.snapshot();
        var refused = bank.send(Payers.sendMoney(Payers.home(), "260972100012", "20"));
        assertEquals("2004", refused.field("statusCode"), refused.body());
        assertTrue(before.same(bank.snapshot()));
    }

    @Test
    void theCustomersInsufficientFundsIsAPayerRejectionThatRejectsTheQuote() {
        var before = bank.snapshot();
        String home = Payers.home();
        String transferId = quoted("260972100013", home, "6000");
        var refused = bank.accept(transferId, home, true);
        assertEquals("4100", refused.field("statusCode"), refused.body());
        assertTrue(before.same(bank.snapshot()), "customer and ledger as before");
        assertEquals("ABORTED", simulator.transfer(transferId).orElseThrow().state(), "the connector was told acceptQuote=false");
    }

    @Test
    void aRejectedAcceptGivesTheMoneyBackAndVoids() {
        for (String[] failure : new String[][] {{"260972100014", "5100", "Payee rejected"}, {"260972100015", "3100", "Bad request"}}) {
            simulator.planFor(failure[0], SimulatorPlan.normal().acceptError(failure[1], failure[2]));
            var before = bank.snapshot();
            String home = Payers.home();
            String transferId = quoted(failure[0], home, "30");
            var failed = bank.accept(transferId, home, true);
            assertEquals(failure[1], failed.field("statusCode"), failed.body());
            assertTrue(before.same(bank.snapshot()), failed.body());
            assertEquals("ABORTED", bank.dfsp().get("/fail-bank/transfers/" + transferId).field("transferState"));
        }
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void anExpiredQuoteIsRejectedWith3302BeforeTheCustomerIsDebited() throws Exception {
        var before = bank.snapshot();
        String home = Payers.home();
        String transferId = quoted(Payers.MARY, home, "35");
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("UPDATE transfers SET expires_at = now() - interval '1 second'"
                 + " WHERE tenant_id = 'fail-bank' AND mojaloop_transfer_id = ?")) {
            statement.setString(1, transferId);
            assertEquals(1, statement.executeUpdate());
        }
        var expired = bank.accept(transferId, home, true);
        assertEquals("3302", expired.field("statusCode"), expired.body());
        assertTrue(before.same(bank.snapshot()));
        assertEquals("ABORTED", simulator.transfer(transferId).orElseThrow().state(), "the quote was rejected at the connector");
    }

    @Test
    void aReleaseTheCbsRefusesAfterAnAbortIsKeptInReconcileWithTheLiquidityReleased() {
        var faulty = Payers.tenant(gateway, "fault-bank", simulator, "100000", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "releaseDebit", "kind", "UNAVAILABLE"))));
        simulator.planFor("260972100016", SimulatorPlan.normal().acceptError("5100", "Payee rejected"));
        var before = faulty.snapshot();
        String home = Payers.home();
        var quote = faulty.send(Payers.sendMoney(home, "260972100016", "45"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var failed = faulty.accept(transferId, home, true);
        assertEquals("5100", failed.field("statusCode"), failed.body());
        assertEquals("RECONCILE", faulty.dfsp().get("/fault-bank/transfers/" + transferId).field("transferState"));
        var after = faulty.snapshot();
        assertEquals(0, before.reserved().compareTo(after.reserved()), "the hub aborted: the reservation is voided");
        assertEquals(0, before.position().compareTo(after.position()));
        assertEquals(0, before.customer().subtract(new BigDecimal("45.45")).compareTo(after.customer()), "the hold waits for an operator");
        var open = gateway.admin().get("/admin/tenants/fault-bank/transfers?state=RECONCILE&direction=OUTBOUND");
        assertTrue(open.body().contains("releaseDebit failed"), open.body());
    }

    @Test
    void aConnectorThatAcceptsQuotesByItselfIsReportedAndTheTransferHeldForAnOperator() {
        simulator.planFor("260972100017", SimulatorPlan.normal().post(SimulatorPlan.Step.AUTO_ACCEPT));
        var before = bank.snapshot();
        var refused = bank.send(Payers.sendMoney(Payers.home(), "260972100017", "55"));
        assertEquals("2001", refused.field("statusCode"), refused.body());
        assertTrue(refused.field("message").contains("AUTO_ACCEPT_QUOTES=false"), refused.body());
        var after = bank.snapshot();
        assertEquals(0, before.customer().compareTo(after.customer()), "the customer was never debited");
        assertEquals(0, before.reserved().add(new BigDecimal("55")).compareTo(after.reserved()), "the liquidity stays held for the operator");
        var open = gateway.admin().get("/admin/tenants/fail-bank/transfers?state=RECONCILE&direction=OUTBOUND");
        assertTrue(open.body().contains("connector auto-accepted the quote"), open.body());
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void acceptQuoteFalseAnswers500With4101AndTouchesNothing() {
        var before = bank.snapshot();
        String home = Payers.home();
        String transferId = quoted(Payers.MARY, home, "40");
        var rejected = bank.accept(transferId, home, false);
        assertEquals(500, rejected.status());
        assertEquals("4101", rejected.field("statusCode"));
        assertEquals("Payer rejected transaction request", rejected.field("message"));
        assertTrue(before.same(bank.snapshot()));
        assertEquals("4101", bank.accept(transferId, home, true).field("statusCode"), "a later accept replays the rejection");
        assertTrue(before.same(bank.snapshot()));
    }

    @Test
    void aRepeatedSendMakesOneTransferAndAModifiedOneIs3106() {
        int posts = (int) simulator.calls().stream().filter(c -> c.startsWith("POST")).count();
        String home = Payers.home();
        String first = quoted(Payers.MARY, home, "15");
        assertEquals(first, quoted(Payers.MARY, home, "15"));
        var modified = bank.send(Payers.sendMoney(home, Payers.MARY, "16"));
        assertEquals("3106", modified.field("statusCode"), modified.body());
        assertEquals(posts + 1, simulator.calls().stream().filter(c -> c.startsWith("POST")).count());
    }

    @Test
    void concurrentDuplicatesMakeOneTransferAndOneDebit() throws Exception {
        var before = bank.snapshot();
        long posts = simulator.calls().stream().filter(c -> c.startsWith("POST")).count();
        String home = Payers.home();
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> quoted(Payers.MARY, home, "25"));
        }
        var ids = new HashSet<String>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (Future<String> id : pool.invokeAll(tasks)) {
                ids.add(id.get());
            }
        }
        assertEquals(1, ids.size(), "one transfer");
        assertEquals(posts + 1, simulator.calls().stream().filter(c -> c.startsWith("POST")).count());
        String transferId = ids.iterator().next();
        var accepts = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            accepts.add(() -> bank.accept(transferId, home, true).status());
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> status : pool.invokeAll(accepts)) {
                assertEquals(200, status.get());
            }
        }
        assertEquals(1, simulator.transfer(transferId).orElseThrow().accepts());
        var after = bank.snapshot();
        assertEquals(0, before.customer().subtract(new java.math.BigDecimal("25.25")).compareTo(after.customer()), "debited once");
        assertEquals(0, before.position().add(new java.math.BigDecimal("25")).compareTo(after.position()));
        assertTrue(bank.ledgerConsistent());
    }
}
