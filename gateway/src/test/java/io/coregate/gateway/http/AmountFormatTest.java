package io.coregate.gateway.http;

import io.coregate.gateway.domain.payer.SendMoneyRequest;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.Money;
import io.coregate.gateway.testing.Seeds;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts the channel may send reach the connector unchanged and in the Mojaloop format. */
class AmountFormatTest {

    private static Map<String, Object> body(String amount) {
        var body = new HashMap<String, Object>();
        body.put("homeTransactionId", "h");
        body.put("payeeIdType", "MSISDN");
        body.put("payeeId", "1");
        body.put("sendAmount", amount);
        body.put("sendCurrency", "ZMW");
        body.put("payer", Map.of("name", "A", "payerId", "2"));
        return body;
    }

    private static final BigDecimal MIN = new BigDecimal("0.01");
    private static final BigDecimal MAX = new BigDecimal("999999999999999999.99");

    @Test
    void everyPositiveAmountInMinorUnitsIsAcceptedAndSentAsWritten() {
        Seeds.check(500, random -> acceptedAndSentAsWritten(Seeds.decimal(random, MIN, MAX, 2)));
    }

    private static void acceptedAndSentAsWritten(BigDecimal value) {
        String written = new Money(value, "ZMW").plain();
        assertTrue(RequestReader.AMOUNT.matcher(written).matches(), written);
        SendMoneyRequest request = PayerRequests.sendMoney(body(written), Tenants.document(Tenants.standard("bankA")));
        assertEquals(written, request.outbound().amount().plain());
        assertEquals(0, value.compareTo(request.sendAmount().amount()));
    }
}
