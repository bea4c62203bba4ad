package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayeeBadInputIT {

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

    private static void refused(String path, Object body, String code, String field) {
        var response = path.equals("/quoterequests") ? bank.quote(body) : bank.prepare(body);
        assertEquals(400, response.status(), response.body());
        assertEquals(code, response.field("statusCode"), response.body());
        assertTrue(response.field("message").contains(field), field + " not named in " + response.body());
    }

    @Test
    void malformedJsonIs400With3101() {
        var response = bank.raw("POST", "/quoterequests", "application/json", "{\"quoteId\": ");
        assertEquals(400, response.status(), response.body());
        assertEquals("3101", response.field("statusCode"));
    }

    @Test
    void wrongContentTypeIs400With3101() {
        var response = bank.raw("POST", "/transfers", "text/plain", "hello");
        assertEquals(400, response.status(), response.body());
        assertEquals("3101", response.field("statusCode"));
        assertTrue(response.field("message").contains("Content-Type"), response.body());
    }

    @Test
    void missingFieldsAreNamed() {
        for (String field : List.of("quoteId", "transactionId", "to", "from", "amountType", "amount", "currency", "transactionType")) {
            var body = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
            body.remove(field);
            refused("/quoterequests", body, "3102", field);
        }
    }

    @Test
    void badAmountsAreRefusedNamingTheField() {
        for (Object amount : List.of("-1", "1e3", "1.23456", "01", "1.50", "", " 1", "+5", 10, 10.5, "1,5", "1234567890123456789")) {
            var body = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
            body.put("amount", amount);
            refused("/quoterequests", body, "3100", "amount");
        }
    }

    @Test
    void unknownCurrencyCodesAreRefused() {
        for (Object currency : List.of("XYZ", "zmw", "ZMWW", 894)) {
            var body = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
            body.put("currency", currency);
            refused("/quoterequests", body, "3100", "currency");
        }
    }

    @Test
    void idsThatAreNeitherUuidNorUlidAreRefused() {
        for (String id : List.of("123", "B51EC534-EE48-4575-B6A9-EAD2955B8069", "01arz3ndektsv4rrffq69g5fav", "not-a-uuid")) {
            refused("/quoterequests", Payee.quote(id, Payee.ALICE, "SEND", "10"), "3100", "quoteId");
        }
        var get = bank.get("/transfers/not-a-transfer-id");
        assertEquals(400, get.status(), get.body());
        assertTrue(get.field("message").contains("transferId"), get.body());
        var put = bank.notify("xyz", Payee.notification("xyz", "COMPLETED"));
        assertEquals(400, put.status(), put.body());
    }

    @Test
    void transferWithoutIlpPacketOrQuoteIsRefused() {
        var body = Payee.transfer(Payee.id(), Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"),
            Map.of("quoteId", Payee.id(), "transactionId", Payee.id(), "transferAmount", "10", "transferAmountCurrency", "ZMW"));
        body.remove("ilpPacket");
        refused("/transfers", body, "3102", "ilpPacket");
        body.remove("quote");
        refused("/transfers", body, "3102", "quote");
    }

    @Test
    void oversizedBodyIs400With3104() {
        var response = gateway.sdk().declaredOversized("POST", "/bank-a/quoterequests", 70_000);
        assertEquals(400, response.status(), response.body());
        assertEquals("3104", response.field("statusCode"));
    }

    @Test
    void nonObjectNotificationIs400() {
        var response = bank.raw("PUT", "/transfers/" + Payee.id(), "application/json", "[1,2]");
        assertEquals(400, response.status(), response.body());
        assertEquals("3101", response.field("statusCode"));
    }

    @Test
    void unimplementedRoutesAnswer2002() {
        var routes = List.of(List.of("POST", "/fxQuotes"), List.of("POST", "/fxTransfers"), List.of("PUT", "/fxTransfers/" + Payee.id()),
            List.of("PATCH", "/fxTransfers/" + Payee.id()), List.of("POST", "/bulkQuotes"), List.of("GET", "/bulkQuotes/x"),
            List.of("PUT", "/bulkTransactions/" + Payee.id()), List.of("POST", "/bulkTransfers"), List.of("GET", "/bulkTransfers/x"),
            List.of("POST", "/transactionrequests"), List.of("GET", "/otp/" + Payee.id()), List.of("GET", "/participants/MSISDN/1"),
            List.of("GET", "/participants/MSISDN/1/2"), List.of("PUT", "/requestToPay/" + Payee.id()));
        for (var route : routes) {
            var response = bank.send(route.get(0), route.get(1), Map.of());
            assertEquals(500, response.status(), route + ": " + response.body());
            assertEquals("2002", response.field("statusCode"), route + ": " + response.body());
        }
    }

    @Test
    void unknownTenantOnAPostIs400With3200BecauseTheSpecDeclaresNo404There() {
        var response = new Backend(gateway, "nobody").quote(Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"));
        assertEquals(400, response.status(), response.body());
        assertEquals("3200", response.field("statusCode"));
    }

    @Test
    void quoteForAnUnknownPartyIs400With3204() {
        var response = bank.quote(Payee.quote(Payee.id(), "260979999999", "SEND", "10"));
        assertEquals(400, response.status(), response.body());
        assertEquals("3204", response.field("statusCode"));
    }
}
