package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayeeIdempotencyIT {

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

    /** Makes every CBS call of the tenant fail, so a replay that reached the CBS would show. */
    private static void breakTheBank(String tenant, boolean broken) {
        var faults = broken ? List.of(Map.of("operation", "lookupParty", "kind", "UNAVAILABLE"), Map.of("operation", "reserveCredit",
            "kind", "UNAVAILABLE"), Map.of("operation", "commitCredit", "kind", "UNAVAILABLE")) : List.of();
        var doc = Tenants.sandbox("bankA", Map.of("accounts", Tenants.standardAccounts(), "faults", faults));
        assertEquals(200, gateway.admin().put("/admin/tenants/" + tenant, doc).status());
    }

    @Test
    void repeatsReplayTheStoredAnswersWithoutCallingTheCbs() {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "12");
        var quote = bank.quote(quoteRequest);
        var transferRequest = Payee.transfer(Payee.id(), quoteRequest, quote.json());
        var transfer = bank.prepare(transferRequest);
        assertEquals(200, transfer.status(), transfer.body());
        breakTheBank("bank-a", true);
        try {
            var quoteAgain = bank.quote(quoteRequest);
            assertEquals(200, quoteAgain.status(), quoteAgain.body());
            assertEquals(quote.json(), quoteAgain.json());
            var transferAgain = bank.prepare(transferRequest);
            assertEquals(200, transferAgain.status(), transferAgain.body());
            assertEquals(transfer.json(), transferAgain.json());
        } finally {
            breakTheBank("bank-a", false);
        }
    }

    @Test
    void repeatsWithADifferentBodyAre400With3106() {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "12");
        var quote = bank.quote(quoteRequest);
        var changed = new java.util.LinkedHashMap<>(quoteRequest);
        changed.put("amount", "13");
        var modified = bank.quote(changed);
        assertEquals(400, modified.status(), modified.body());
        assertEquals("3106", modified.field("statusCode"));

        var transferRequest = Payee.transfer(Payee.id(), quoteRequest, quote.json());
        assertEquals(200, bank.prepare(transferRequest).status());
        transferRequest.put("transactionType", "PAYMENT");
        var modifiedTransfer = bank.prepare(transferRequest);
        assertEquals(400, modifiedTransfer.status(), modifiedTransfer.body());
        assertEquals("3106", modifiedTransfer.field("statusCode"));
    }

    @Test
    void transferThatDiffersFromItsQuoteIs400NamingTheDifference() {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "12");
        var quote = bank.quote(quoteRequest).json();
        var body = Payee.transfer(Payee.id(), quoteRequest, quote);
        body.put("amount", "13");
        var response = bank.prepare(body);
        assertEquals(400, response.status(), response.body());
        assertEquals("3100", response.field("statusCode"));
        assertEquals(true, response.field("message").contains("amount"), response.body());

        var unknownQuote = Payee.transfer(Payee.id(), quoteRequest, Map.of("quoteId", Payee.id(), "transactionId", Payee.id(),
            "transferAmount", "12", "transferAmountCurrency", "ZMW"));
        var unknown = bank.prepare(unknownQuote);
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(true, unknown.field("message").contains("quoteId"), unknown.body());
    }

    @Test
    void concurrentDuplicatesReserveAndCreditOnce() throws Exception {
        BigDecimal alice = PayeeFlowIT.balance(gateway, "bank-a", "SB-0001");
        BigDecimal float0 = PayeeFlowIT.balance(gateway, "bank-a", "DISBURSEMENT");
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "33");
        var quote = bank.quote(quoteRequest).json();
        String transferId = Payee.id();
        var transferRequest = Payee.transfer(transferId, quoteRequest, quote);

        var prepares = parallel(8, () -> bank.prepare(transferRequest));
        var homeIds = prepares.stream().peek(r -> assertEquals(200, r.status(), r.body())).map(r -> r.field("homeTransactionId"))
            .distinct().toList();
        assertEquals(1, homeIds.size(), "every duplicate replays the one reservation");
        assertEquals(0, float0.subtract(new BigDecimal("33")).compareTo(PayeeFlowIT.balance(gateway, "bank-a", "DISBURSEMENT")),
            "one hold on the float");

        var notifications = parallel(8, () -> bank.notify(transferId, Payee.notification(transferId, "COMPLETED")));
        notifications.forEach(r -> assertEquals(200, r.status(), r.body()));
        assertEquals(0, alice.add(new BigDecimal("33")).compareTo(PayeeFlowIT.balance(gateway, "bank-a", "SB-0001")), "credited once");
        assertEquals(0, float0.subtract(new BigDecimal("33")).compareTo(PayeeFlowIT.balance(gateway, "bank-a", "DISBURSEMENT")));
        var journal = (List<?>) gateway.admin().get("/admin/tenants/bank-a/transfers/" + transferId).json().get("journal");
        assertEquals(3, journal.size(), journal.toString());
    }

    private static List<Http.Response> parallel(int n, Callable<Http.Response> call) throws InterruptedException, ExecutionException {
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<Future<Http.Response>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            var results = new ArrayList<Http.Response>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
