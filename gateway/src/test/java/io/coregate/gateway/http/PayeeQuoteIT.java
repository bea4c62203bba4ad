package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayeeQuoteIT {

    private static TestGateway gateway;
    private static Backend plain;
    private static Backend priced;
    private static Backend cbsPriced;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/plain", Tenants.standard("plainfsp")).status());
        var pricedDoc = Tenants.standard("pricedfsp");
        pricedDoc.put("fees", Map.of("receive", Map.of("percent", "1.0", "min", "0.50", "max", "10")));
        assertEquals(201, gateway.admin().put("/admin/tenants/priced", pricedDoc).status());
        var accounts = new ArrayList<>(Tenants.standardAccounts());
        accounts.add(Map.of("accountNo", "SMALL-FLOAT", "currency", "ZMW", "balance", "50"));
        var cbsDoc = Tenants.sandbox("cbsfsp", Map.of("accounts", accounts, "quoteFee", "2.5"));
        cbsDoc.put("accounts", Map.of("disbursement", "SMALL-FLOAT"));
        assertEquals(201, gateway.admin().put("/admin/tenants/cbs-priced", cbsDoc).status());
        plain = new Backend(gateway, "plain");
        priced = new Backend(gateway, "priced");
        cbsPriced = new Backend(gateway, "cbs-priced");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> quoted(Backend backend, String amountType, String amount) {
        var response = backend.quote(Payee.quote(Payee.id(), Payee.ALICE, amountType, amount));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    @Test
    void quoteWithoutFeesAnswersTheSpecShape() {
        var before = Instant.now();
        var answer = quoted(plain, "SEND", "100");
        assertEquals("100", answer.get("transferAmount"));
        assertEquals("ZMW", answer.get("transferAmountCurrency"));
        assertEquals("100", answer.get("payeeReceiveAmount"));
        assertEquals("0", answer.get("payeeFspFeeAmount"));
        String expiration = (String) answer.get("expiration");
        assertTrue(expiration.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), expiration);
        var expires = Instant.parse(expiration);
        assertTrue(expires.isAfter(before.plusSeconds(55)) && expires.isBefore(Instant.now().plusSeconds(61)), expiration);
    }

    @Test
    void sendTakesThePayeeFeeFromTheAmount() {
        var answer = quoted(priced, "SEND", "100");
        assertEquals("100", answer.get("transferAmount"));
        assertEquals("1", answer.get("payeeFspFeeAmount"));
        assertEquals("99", answer.get("payeeReceiveAmount"));
    }

    @Test
    void receiveAddsThePayeeFeeToTheTransferAmount() {
        var answer = quoted(priced, "RECEIVE", "100");
        assertEquals("101", answer.get("transferAmount"));
        assertEquals("1", answer.get("payeeFspFeeAmount"));
        assertEquals("100", answer.get("payeeReceiveAmount"));
    }

    @Test
    void feesAreBoundedAndRoundedHalfEvenToTheMinorUnit() {
        assertEquals("10", quoted(priced, "SEND", "5000").get("payeeFspFeeAmount"));
        assertEquals("0.5", quoted(priced, "SEND", "12.345").get("payeeFspFeeAmount"));
        assertEquals("1.5", quoted(priced, "SEND", "150.5").get("payeeFspFeeAmount"), "1.505 rounds half-even to 1.50");
        assertEquals("1.52", quoted(priced, "SEND", "151.5").get("payeeFspFeeAmount"), "1.515 rounds half-even to 1.52");
        var answer = quoted(priced, "RECEIVE", "150.5");
        assertEquals("152", answer.get("transferAmount"));
    }

    @Test
    void adapterPricesTheQuoteWhenTheTenantDefinesNoFee() {
        var answer = quoted(cbsPriced, "SEND", "20");
        assertEquals("2.5", answer.get("payeeFspFeeAmount"));
        assertEquals("17.5", answer.get("payeeReceiveAmount"));
    }

    @Test
    void disbursementFloatTooSmallIs500With5001() {
        var response = cbsPriced.quote(Payee.quote(Payee.id(), Payee.ALICE, "RECEIVE", "60"));
        assertEquals(500, response.status(), response.body());
        assertEquals("5001", response.field("statusCode"));
    }

    @Test
    void anUnlistedHouseDisbursementAccountCoversUpToItsCreditLineThenQuotesAre5001() {
        var doc = Tenants.sandbox("linefsp", Map.of("accounts", Tenants.standardAccounts(), "houseCreditLine", "150"));
        doc.put("accounts", Map.of("disbursement", "HOUSE-FLOAT"));
        assertEquals(201, gateway.admin().put("/admin/tenants/house-line", doc).status());
        var house = new Backend(gateway, "house-line");
        assertEquals("150", quoted(house, "SEND", "150").get("transferAmount"));
        var response = house.quote(Payee.quote(Payee.id(), Payee.ALICE, "SEND", "150.01"));
        assertEquals(500, response.status(), response.body());
        assertEquals("5001", response.field("statusCode"));
    }

    @Test
    void blockedOrDormantPayeeIs500With5400() {
        for (String msisdn : List.of("260971000003", "260971000004")) {
            var response = plain.quote(Payee.quote(Payee.id(), msisdn, "SEND", "10"));
            assertEquals(500, response.status(), response.body());
            assertEquals("5400", response.field("statusCode"));
        }
    }

    @Test
    void currencyTheTenantDoesNotTradeIs400With5106() {
        var body = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        body.put("currency", "USD");
        var response = plain.quote(body);
        assertEquals(400, response.status(), response.body());
        assertEquals("5106", response.field("statusCode"));
    }

    @Test
    void idTypeTheTenantDoesNotSupportIs400With3100() {
        var body = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        body.put("to", Payee.party("EMAIL", "alice@example.com", "plainfsp"));
        var response = plain.quote(body);
        assertEquals(400, response.status(), response.body());
        assertEquals("3100", response.field("statusCode"));
        assertTrue(response.field("message").contains("EMAIL"), response.body());
    }

    @Test
    void sendAmountThatDoesNotCoverTheFeeIsRefused() {
        var body = new LinkedHashMap<>(Payee.quote(Payee.id(), Payee.ALICE, "SEND", "0.5"));
        var response = priced.quote(body);
        assertEquals(400, response.status(), response.body());
        assertTrue(response.field("message").contains("fee"), response.body());
    }
}
