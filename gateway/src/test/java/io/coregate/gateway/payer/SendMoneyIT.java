package io.coregate.gateway.payer;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Send money and merchant payment end to end: quote, accept, COMPLETED; liquidity refusals; the tenant's own transfers. */
class SendMoneyIT {

    private static OutboundSimulator simulator;
    private static TestGateway gateway;
    private static Payers bank;

    @BeforeAll
    static void start() {
        simulator = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of());
        bank = Payers.tenant(gateway, "pay-a", simulator, "1000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        simulator.close();
    }

    @Test
    void sendAcceptCompletedDebitsTheCustomerOnceAndMovesThePosition() {
        var before = bank.snapshot();
        String home = Payers.home();
        var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "100"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        assertEquals(home, quote.field("homeTransactionId"));
        assertEquals("100", quote.field("sendAmount"));
        assertEquals("99.5", quote.field("receiveAmount"));
        @SuppressWarnings("unchecked")
        var payee = (Map<String, Object>) quote.json().get("payee");
        assertEquals("payeefsp", payee.get("fspId"));
        assertTrue(payee.get("name").toString().contains("Mary"), quote.body());
        @SuppressWarnings("unchecked")
        var fees = (Map<String, Object>) quote.json().get("fees");
        assertEquals("0.5", fees.get("payeeFspFee"));
        assertEquals("1", fees.get("sendFee"));
        var held = bank.snapshot();
        assertEquals(0, before.reserved().add(new BigDecimal("100")).compareTo(held.reserved()), "the send amount is reserved");
        assertEquals(0, before.customer().compareTo(held.customer()), "nothing is debited before the accept");

        var done = bank.accept(transferId, home, true);
        assertEquals(200, done.status(), done.body());
        assertEquals("COMMITTED", done.field("transferState"));
        var after = bank.snapshot();
        assertEquals(0, before.customer().subtract(new BigDecimal("101")).compareTo(after.customer()), "amount + send fee, once");
        assertEquals(0, before.position().add(new BigDecimal("100")).compareTo(after.position()), "position += amount");
        assertEquals(0, before.reserved().compareTo(after.reserved()), "the reservation is posted");
        assertTrue(bank.ledgerConsistent());

        var again = bank.accept(transferId, home, true);
        assertEquals(200, again.status(), again.body());
        assertEquals(1, simulator.transfer(transferId).orElseThrow().accepts(), "a repeated accept is replayed, not re-sent");
        assertEquals(0, after.customer().compareTo(bank.customer()), "and debits nothing more");
        var status = bank.dfsp().get("/pay-a/transfers/" + transferId);
        assertEquals(200, status.status(), status.body());
        assertEquals("COMMITTED", status.field("transferState"));
    }

    @Test
    void merchantPaymentReservesTheQuotedAmountAndCompletes() {
        var before = bank.snapshot();
        String home = Payers.home();
        var quote = bank.dfsp().post("/pay-a/merchant-payment", Payers.merchantPayment(home, Payers.MARY, "50"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        BigDecimal sent = new BigDecimal(quote.field("sendAmount"));
        assertEquals("50", quote.field("receiveAmount"));
        assertEquals(0, before.reserved().add(sent).compareTo(bank.snapshot().reserved()), "the quoted amount is reserved before answering");
        var done = bank.dfsp().put("/pay-a/merchant-payment/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(200, done.status(), done.body());
        var after = bank.snapshot();
        BigDecimal fee = new BigDecimal(((Map<?, ?>) quote.json().get("fees")).get("sendFee").toString());
        assertEquals(0, before.customer().subtract(sent).subtract(fee).compareTo(after.customer()));
        assertEquals(0, before.position().add(sent).compareTo(after.position()));
        assertEquals(0, before.reserved().compareTo(after.reserved()));
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void aSendOverAvailableLiquidityIsRefusedWith4001BeforeTheConnectorOrCustomerIsTouched() {
        var before = bank.snapshot();
        int calls = simulator.calls().size();
        String home = Payers.home();
        var refused = bank.send(Payers.sendMoney(home, Payers.MARY, "2000"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("4001", refused.field("statusCode"));
        assertEquals(calls, simulator.calls().size(), "the connector was not called");
        assertTrue(before.same(bank.snapshot()), "customer and ledger untouched");
        var repeat = bank.send(Payers.sendMoney(home, Payers.MARY, "2000"));
        assertEquals("4001", repeat.field("statusCode"), "a repeat replays the refusal");
    }

    @Test
    void aMerchantPaymentOverAvailableLiquidityRejectsTheQuoteWith4001() {
        var before = bank.snapshot();
        var refused = bank.dfsp().post("/pay-a/merchant-payment", Payers.merchantPayment(Payers.home(), "260972100031", "2000"));
        assertEquals("4001", refused.field("statusCode"), refused.body());
        assertTrue(before.same(bank.snapshot()));
        String last = simulator.calls().get(simulator.calls().size() - 1);
        assertTrue(last.startsWith("PUT /transfers/"), "the quote was rejected at the connector: " + simulator.calls());
        assertEquals("ABORTED", simulator.transfer(last.substring("PUT /transfers/".length())).orElseThrow().state());
    }

    @Test
    void anotherTenantsKeyCannotSeeOrAcceptTheTransfer() {
        var other = Payers.tenant(gateway, "pay-b", simulator, "1000");
        String home = Payers.home();
        var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "10"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        assertEquals(403, other.dfsp().get("/pay-a/transfers/" + transferId).status());
        assertEquals(403, other.dfsp().put("/pay-a/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home)).status());
        assertEquals(403, other.dfsp().post("/pay-a/send-money", Payers.sendMoney(Payers.home(), Payers.MARY, "10")).status());
        assertEquals(401, gateway.dfsp().post("/pay-a/send-money", Payers.sendMoney(Payers.home(), Payers.MARY, "10")).status());
        var own = other.dfsp().get("/pay-b/transfers/" + transferId);
        assertEquals(404, own.status(), own.body());
        assertEquals("3208", own.field("statusCode"));
        var accept = other.dfsp().put("/pay-b/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals("3208", accept.field("statusCode"));
        assertEquals(0, simulator.transfer(transferId).orElseThrow().accepts());
    }
}
