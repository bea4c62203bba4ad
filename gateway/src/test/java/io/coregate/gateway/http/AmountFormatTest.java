package io.coregate.gateway.http;

import io.coregate.gateway.domain.payer.SendMoneyRequest;
import io.coregate.gateway.domain.tenant.TenantDocuments;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

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

    @Property(tries = 500)
    void everyPositiveAmountInMinorUnitsIsAcceptedAndSentAsWritten(
            @ForAll @Scale(2) @BigRange(min = "0.01", max = "999999999999999999.99") BigDecimal value) {
        String written = new Money(value, "ZMW").plain();
        assertTrue(RequestReader.AMOUNT.matcher(written).matches(), written);
        SendMoneyRequest request = PayerRequests.sendMoney(body(written), TenantDocuments.parse(Tenants.standard("bankA")));
        assertEquals(written, request.outbound().amount().plain());
        assertEquals(0, value.compareTo(request.sendAmount().amount()));
    }
}
