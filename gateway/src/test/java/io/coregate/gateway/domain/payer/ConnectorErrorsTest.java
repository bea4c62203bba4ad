package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ConnectorErrorsTest {

    @Test
    void knownCodesKeepTheirMeaning() {
        assertEquals(ErrorCode.PARTY_NOT_FOUND, ConnectorErrors.of("3204"));
        assertEquals(ErrorCode.PAYER_INSUFFICIENT_LIQUIDITY, ConnectorErrors.of("4001"));
        assertEquals(ErrorCode.PAYER_LIMIT, ConnectorErrors.of("4200"));
        assertEquals(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, ConnectorErrors.of("5106"));
        assertEquals(ErrorCode.TRANSFER_NOT_FOUND, ConnectorErrors.of("3208"));
        assertEquals(ErrorCode.CBS_TIMEOUT, ConnectorErrors.of("2004"));
    }

    @Test
    void otherCodesFallToTheirFamily() {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ConnectorErrors.of("1001"));
        assertEquals(ErrorCode.VALIDATION, ConnectorErrors.of("3000"), "a generic client error is not the gateway's 401");
        assertEquals(ErrorCode.ID_NOT_FOUND, ConnectorErrors.of("3201"));
        assertEquals(ErrorCode.PAYER_REJECTION, ConnectorErrors.of("4102"));
        assertEquals(ErrorCode.PAYER_ERROR, ConnectorErrors.of("4300"));
        assertEquals(ErrorCode.PAYEE_REJECTION, ConnectorErrors.of("5104"));
        assertEquals(ErrorCode.PAYEE_ERROR, ConnectorErrors.of("5300"));
    }

    @Test
    void bareHttpStatusesAreNotFspiopCodes() {
        assertFalse(ConnectorErrors.isFspiopCode("500"));
        assertFalse(ConnectorErrors.isFspiopCode("0504"));
        assertEquals(ErrorCode.INTERNAL, ConnectorErrors.of("504"));
    }
}
