package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.payer.AcceptRequest;
import io.coregate.gateway.domain.payer.MerchantPaymentRequest;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.payer.Payer;
import io.coregate.gateway.domain.payer.SendMoneyRequest;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayerRequestsTest {

    private static final TenantDocument TENANT = tenant();

    private static TenantDocument tenant() {
        var doc = Tenants.standard("bankA");
        doc.put("currencies", List.of("ZMW", "USD"));
        return Tenants.document(doc);
    }

    private static Map<String, Object> sendMoney() {
        var body = new HashMap<String, Object>();
        body.put("homeTransactionId", "home-1");
        body.put("payeeIdType", "MSISDN");
        body.put("payeeId", "260972000001");
        body.put("sendAmount", "100.5");
        body.put("sendCurrency", "ZMW");
        body.put("transactionType", "TRANSFER");
        body.put("payer", new HashMap<>(Map.of("name", "Alice Banda", "payerId", "260971000001")));
        return body;
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void validSendMoneyBecomesASendTransferWithTheMsisdnPayerByDefault() {
        SendMoneyRequest request = PayerRequests.sendMoney(sendMoney(), TENANT);
        assertEquals(PartyId.of("MSISDN", "260972000001"), request.payee());
        assertEquals(new Money(new BigDecimal("100.5"), "ZMW"), request.sendAmount());
        assertEquals(new Payer("Alice Banda", PartyId.of("MSISDN", "260971000001")), request.payer());
        OutboundTransfer outbound = request.outbound();
        assertEquals(AmountType.SEND, outbound.amountType());
        assertEquals("home-1", outbound.homeTransactionId());
        assertEquals("100.5", outbound.amount().plain());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var body = sendMoney();
        body.put("homeTransactionId", "");
        body.put("payeeIdType", "PHONE");
        body.put("sendAmount", 100);
        body.put("sendCurrency", "EUR");
        body.put("transactionType", "PAYMENT");
        body.put("payer", Map.of("name", " ", "payerIdType", "ACCOUNT"));
        body.remove("payeeId");
        var e = assertThrows(ValidationException.class, () -> PayerRequests.sendMoney(body, TENANT));
        assertEquals("3100", e.code().code());
        assertEquals(List.of("homeTransactionId", "payeeIdType", "payeeId", "sendAmount", "sendCurrency", "transactionType", "payer.name",
            "payer.payerId", "payer.payerIdType"), fields(e));
        assertTrue(e.getMessage().contains("sendAmount: must be a string"), e.getMessage());
        assertTrue(e.getMessage().contains("sendCurrency: must be one of the tenant's currencies [ZMW, USD]"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1e3", "01", "1.", "1.50", "1.12345", "1234567890123456789", " 1", "1,5", "abc", ""})
    void amountsOutsideTheMojaloopFormatOrNotPositiveAreRefused(String amount) {
        var body = sendMoney();
        body.put("sendAmount", amount);
        var e = assertThrows(ValidationException.class, () -> PayerRequests.sendMoney(body, TENANT));
        assertEquals(List.of("sendAmount"), fields(e));
    }

    @Test
    void amountWithMoreDecimalsThanTheCurrencyIsRefused() {
        var body = sendMoney();
        body.put("sendAmount", "10.125");
        var e = assertThrows(ValidationException.class, () -> PayerRequests.sendMoney(body, TENANT));
        assertTrue(e.getMessage().contains("more decimals than ZMW allows (2)"), e.getMessage());
        body.put("sendAmount", "123456789012345678.25");
        body.put("sendCurrency", "USD");
        assertEquals(new BigDecimal("123456789012345678.25"), PayerRequests.sendMoney(body, TENANT).sendAmount().amount());
    }

    @Test
    void idsLongerThan128AreRefusedAndTransactionTypeDefaultsToTransfer() {
        var body = sendMoney();
        body.put("payeeId", "9".repeat(129));
        body.put("homeTransactionId", "h".repeat(128));
        assertEquals(List.of("payeeId"), fields(assertThrows(ValidationException.class, () -> PayerRequests.sendMoney(body, TENANT))));
        body.put("payeeId", "1");
        body.remove("transactionType");
        assertEquals("TRANSFER", PayerRequests.sendMoney(body, TENANT).transactionType());
    }

    @Test
    void payerIdTypeMustBeOneTheTenantSupportsWhileThePayeesMayBeAnyFspiopType() {
        var body = sendMoney();
        body.put("payeeIdType", "IBAN");
        body.put("payer", Map.of("name", "Alice", "payerId", "ZM00123", "payerIdType", "IBAN"));
        var e = assertThrows(ValidationException.class, () -> PayerRequests.sendMoney(body, TENANT));
        assertEquals(List.of("payer.payerIdType"), fields(e));
        assertTrue(e.getMessage().contains("[ACCOUNT_ID, MSISDN]"), e.getMessage());
    }

    @Test
    void merchantPaymentNamesItsOwnFieldsAndBecomesAReceiveTransfer() {
        var body = sendMoney();
        body.remove("sendAmount");
        body.remove("sendCurrency");
        var e = assertThrows(ValidationException.class, () -> PayerRequests.merchantPayment(body, TENANT));
        assertEquals(List.of("receiveAmount", "receiveCurrency"), fields(e));
        body.put("receiveAmount", "40");
        body.put("receiveCurrency", "USD");
        body.put("payer", Map.of("name", "Alice", "payerId", "SB-0001", "payerIdType", "ACCOUNT_ID"));
        MerchantPaymentRequest request = PayerRequests.merchantPayment(body, TENANT);
        assertEquals(AmountType.RECEIVE, request.outbound().amountType());
        assertEquals(PartyId.of("ACCOUNT_ID", "SB-0001"), request.payer().id());
    }

    @Test
    void acceptNeedsABooleanAHomeTransactionIdAndATransferId() {
        String id = "3f1c2a9e-7b4d-4c1e-9a2b-0d1e2f3a4b5c";
        AcceptRequest ok = PayerRequests.accept(id, Map.of("acceptQuote", false, "homeTransactionId", "home-1"));
        assertEquals(new AcceptRequest(id, false, "home-1"), ok);
        assertEquals(new AcceptRequest("01ARZ3NDEKTSV4RRFFQ69G5FAV", true, "h"),
            PayerRequests.accept("01ARZ3NDEKTSV4RRFFQ69G5FAV", Map.of("acceptQuote", true, "homeTransactionId", "h")));
        var e = assertThrows(ValidationException.class, () -> PayerRequests.accept("not-an-id", Map.of("acceptQuote", "true")));
        assertEquals(List.of("transferId", "acceptQuote", "homeTransactionId"), fields(e));
        assertTrue(PayerRequests.isTransferId(id));
    }
}
