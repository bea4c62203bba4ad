package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayeeFlowIT {

    private static TestGateway gateway;
    private static Backend bank;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        bank = new Backend(gateway, "bank-a");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static BigDecimal balance(TestGateway gateway, String tenantId, String accountNo) {
        var tenant = gateway.directory().resolve(tenantId);
        Outcome<Balance> outcome = gateway.adapters().call(tenant, "balance", a -> a.balance(accountNo, "ZMW"));
        return ((Outcome.Done<Balance>) outcome).value().available().amount();
    }

    /** Quote, transfer: the answer to the transfer. */
    static Map<String, Object> reserve(Backend backend, String transferId, String amount) {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", amount);
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        var transfer = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, transfer.status(), transfer.body());
        return transfer.json();
    }

    @Test
    void lookupQuoteTransferAndCompletionCreditTheCustomerOnce() {
        BigDecimal before = balance(gateway, "bank-a", "SB-0001");
        assertEquals(200, bank.get("/parties/MSISDN/" + Payee.ALICE).status());
        String transferId = Payee.id();
        var reserved = reserve(bank, transferId, "100");
        assertEquals("RESERVED", reserved.get("transferState"));
        assertTrue(reserved.get("homeTransactionId") instanceof String id && !id.isEmpty(), reserved.toString());
        assertEquals(0, before.compareTo(balance(gateway, "bank-a", "SB-0001")), "nothing is credited before the hub commits");

        var done = bank.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, done.status(), done.body());
        assertEquals("", done.body());
        assertEquals(0, before.add(new BigDecimal("100")).compareTo(balance(gateway, "bank-a", "SB-0001")));

        var details = bank.get("/transfers/" + transferId);
        assertEquals(200, details.status(), details.body());
        assertEquals("COMMITTED", details.field("transferState"));
        assertEquals("100", details.field("amount"));
        assertEquals("bankA", ((Map<?, ?>) details.json().get("to")).get("fspId"));
        assertEquals("payerfsp", ((Map<?, ?>) details.json().get("from")).get("fspId"));
        assertEquals(reserved.get("homeTransactionId"), details.field("homeTransactionId"));

        var journal = gateway.admin().get("/admin/tenants/bank-a/transfers/" + transferId);
        assertEquals(200, journal.status(), journal.body());
        var states = ((List<?>) journal.json().get("journal")).stream().map(e -> ((Map<?, ?>) e).get("to")).toList();
        assertEquals(List.of("RECEIVED", "RESERVED", "COMMITTED"), states);
    }

    @Test
    void notCompletedNotificationReleasesTheReservationAndAnswers500() {
        BigDecimal alice = balance(gateway, "bank-a", "SB-0001");
        BigDecimal float0 = balance(gateway, "bank-a", "DISBURSEMENT");
        String transferId = Payee.id();
        reserve(bank, transferId, "250.5");
        assertEquals(0, float0.subtract(new BigDecimal("250.5")).compareTo(balance(gateway, "bank-a", "DISBURSEMENT")),
            "the reservation holds the amount on the float");

        var aborted = bank.notify(transferId, Payee.notification(transferId, "ABORTED"));
        assertEquals(500, aborted.status(), aborted.body());
        assertEquals(Map.of("statusCode", "5000", "message", "Transfer Not Completed Error"), aborted.json());
        assertEquals(0, float0.compareTo(balance(gateway, "bank-a", "DISBURSEMENT")), "the hold is released");
        assertEquals(0, alice.compareTo(balance(gateway, "bank-a", "SB-0001")));
        assertEquals("ABORTED", bank.get("/transfers/" + transferId).field("transferState"));

        var again = bank.notify(transferId, Payee.notification(transferId, "ERROR_OCCURRED"));
        assertEquals(500, again.status());
        assertEquals(aborted.json(), again.json());
    }

    @Test
    void repeatedCompletionIsANoOpWithTheSameAnswer() {
        BigDecimal before = balance(gateway, "bank-a", "SB-0001");
        String transferId = Payee.id();
        reserve(bank, transferId, "7.25");
        var first = bank.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        var second = bank.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals("COMMITTED", bank.get("/transfers/" + transferId).field("transferState"));
        assertEquals(0, before.add(new BigDecimal("7.25")).compareTo(balance(gateway, "bank-a", "SB-0001")));
    }

    @Test
    void sdk18NotificationWithStringBodiesIsAccepted() {
        String transferId = Payee.id();
        reserve(bank, transferId, "3");
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", transferId);
        body.put("currentState", "COMPLETED");
        body.put("direction", "INBOUND");
        body.put("lastError", "none");
        body.put("fulfil", Map.of("body", "{\"transferState\":\"COMMITTED\",\"completedTimestamp\":\"2026-11-28T10:00:01.000Z\"}"));
        body.put("quoteResponse", Map.of("body", "{\"transferAmount\":{\"amount\":\"3\",\"currency\":\"ZMW\"}}"));
        body.put("quoteRequest", Map.of("body", "{\"amount\":{\"amount\":\"3\",\"currency\":\"ZMW\"},"
            + "\"payee\":{\"partyIdInfo\":{\"partyIdType\":\"MSISDN\",\"partyIdentifier\":\"260971000001\"}}}"));
        var response = bank.notify(transferId, body);
        assertEquals(200, response.status(), response.body());
        assertEquals("COMMITTED", bank.get("/transfers/" + transferId).field("transferState"));
    }

    @Test
    void notificationContradictingTheTransferIsRefusedAndChangesNothing() {
        String transferId = Payee.id();
        reserve(bank, transferId, "4");
        var body = Payee.notification(transferId, "COMPLETED");
        body.put("quoteRequest", Map.of("body", Map.of("amount", Map.of("amount", "4", "currency", "USD"))));
        var response = bank.notify(transferId, body);
        assertEquals(400, response.status(), response.body());
        assertEquals("3100", response.field("statusCode"));
        assertTrue(response.field("message").contains("currency"), response.body());
        var idType = Payee.notification(transferId, "COMPLETED");
        idType.put("quoteRequest", Map.of("body", Map.of("payee", Map.of("partyIdInfo", Map.of("partyIdType", "ACCOUNT_ID")))));
        assertEquals(400, bank.notify(transferId, idType).status());
        assertEquals("RESERVED", bank.get("/transfers/" + transferId).field("transferState"));
    }

    @Test
    void unknownTransferIs404With3208() {
        var response = bank.get("/transfers/" + Payee.id());
        assertEquals(404, response.status());
        assertEquals("3208", response.field("statusCode"));
        var put = bank.notify(Payee.id(), Payee.notification(Payee.id(), "COMPLETED"));
        assertEquals(404, put.status());
    }

    @Test
    void transferJournalIsAppendOnly() throws java.sql.SQLException {
        String transferId = Payee.id();
        reserve(bank, transferId, "2");
        try (var connection = gateway.dataSource().getConnection();
             var statement = connection.createStatement()) {
            var e = assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate(
                "UPDATE transfer_events SET detail = 'rewritten' WHERE transfer_id = '" + transferId + "'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate(
                "DELETE FROM transfer_events WHERE transfer_id = '" + transferId + "'"));
        }
        assertEquals(2, ((List<?>) gateway.admin().get("/admin/tenants/bank-a/transfers/" + transferId).json().get("journal")).size());
    }

    @Test
    void healthAndPartyRoutesStillConform() {
        assertEquals(200, bank.get("/").status());
        assertEquals(200, bank.get("/parties/ACCOUNT_ID/SB-0001").status());
    }

    @Test
    void committedInboundTransferLowersTheLiquidityPositionOnceInTheSameTransaction() {
        String transferId = Payee.id();
        reserve(bank, transferId, "40");
        BigDecimal before = position();
        assertEquals(200, bank.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals(0, before.subtract(new BigDecimal("40")).compareTo(position()), "position -= amount on commit");
        assertEquals(200, bank.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals(0, before.subtract(new BigDecimal("40")).compareTo(position()), "a repeated notification moves nothing");
        var check = gateway.admin().get("/admin/ledger/check");
        assertEquals(200, check.status(), check.body());
        assertTrue(check.body().contains("\"consistent\":true"), check.body());
    }

    @Test
    void liquidityAfterAnInboundTransferShowsTheAmountAsWritten() {
        var document = Tenants.standard("bankL");
        document.put("liquidity", Map.of("ZMW", Map.of("limit", "1000.00", "alarmPercent", 10)));
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-l", document).status());
        var backend = new Backend(gateway, "bank-l");
        String transferId = Payee.id();
        reserve(backend, transferId, "100");
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());

        var liquidity = gateway.admin().get("/admin/tenants/bank-l/liquidity");
        assertEquals(200, liquidity.status(), liquidity.body());
        assertTrue(liquidity.body().contains("\"position\":\"-100\",\"available\":\"1100.00\""), liquidity.body());
        var journal = gateway.admin().get("/admin/tenants/bank-l/liquidity/ZMW/journal?limit=1");
        assertEquals(200, journal.status(), journal.body());
        assertTrue(journal.body().contains("\"operation\":\"INBOUND\",\"stripe\":0,\"reference\":\"" + transferId + "\",\"amount\":\"100\""),
            journal.body());
    }

    private static BigDecimal position() {
        var liquidity = gateway.admin().get("/admin/tenants/bank-a/liquidity");
        assertEquals(200, liquidity.status(), liquidity.body());
        @SuppressWarnings("unchecked")
        var currencies = (List<Map<String, Object>>) liquidity.json().get("liquidity");
        return currencies.stream().filter(c -> "ZMW".equals(c.get("currency"))).map(c -> new BigDecimal(c.get("position").toString()))
            .findFirst().orElse(BigDecimal.ZERO);
    }
}
