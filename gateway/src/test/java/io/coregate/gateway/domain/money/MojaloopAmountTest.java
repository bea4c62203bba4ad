package io.coregate.gateway.domain.money;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MojaloopAmountTest {

    @Test
    void canonicalAmountsParse() {
        assertEquals(new BigDecimal("0"), MojaloopAmount.parse("amount", "0"));
        assertEquals(new BigDecimal("10.5"), MojaloopAmount.parse("amount", "10.5"));
        assertEquals(new BigDecimal("123456789012345678.0001"), MojaloopAmount.parse("amount", "123456789012345678.0001"));
    }

    @Test
    void nonCanonicalAmountsAreRefusedNamingTheField() {
        for (Object bad : List.of("-1", "1e3", "1E3", "+1", "01", "1.", "1.50", "1.00001", ".5", "", "1 ", "1,5", "1234567890123456789", "NaN")) {
            var e = assertThrows(GatewayException.class, () -> MojaloopAmount.parse("quote.transferAmount", bad), String.valueOf(bad));
            assertEquals("3100", e.code().code());
            assertTrue(e.getMessage().startsWith("quote.transferAmount"), e.getMessage());
        }
    }

    @Test
    void jsonNumbersAreRefused() {
        var e = assertThrows(GatewayException.class, () -> MojaloopAmount.parse("amount", new BigDecimal("10")));
        assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    @Test
    void formattingDropsTrailingZeros() {
        assertEquals("10", MojaloopAmount.format(new BigDecimal("10.00")));
        assertEquals("10.5", MojaloopAmount.format(new BigDecimal("10.50")));
        assertEquals("100", MojaloopAmount.format(new BigDecimal("1E+2")));
        assertEquals("0", MojaloopAmount.format(new BigDecimal("0.00")));
    }

    @Test
    void currenciesAreIsoCodesWithTheirMinorUnits() {
        assertEquals("ZMW", Currencies.parse("currency", "ZMW"));
        assertThrows(GatewayException.class, () -> Currencies.parse("currency", "XYZ"));
        assertThrows(GatewayException.class, () -> Currencies.parse("currency", "zmw"));
        assertEquals(2, Currencies.minorUnit("ZMW"));
        assertEquals(0, Currencies.minorUnit("JPY"));
        assertEquals(3, Currencies.minorUnit("BHD"));
    }

    @Test
    void feesArePercentBoundedAndRoundedHalfEven() {
        var policy = new TenantDocument.FeePolicy(new BigDecimal("1.0"), new BigDecimal("0.50"), Optional.of(new BigDecimal("10")));
        assertEquals(new BigDecimal("1.00"), Fees.of(policy, new BigDecimal("100"), "ZMW"));
        assertEquals(new BigDecimal("0.50"), Fees.of(policy, new BigDecimal("1"), "ZMW"));
        assertEquals(new BigDecimal("10.00"), Fees.of(policy, new BigDecimal("99999"), "ZMW"));
        assertEquals(new BigDecimal("1.50"), Fees.of(policy, new BigDecimal("150.5"), "ZMW"));
        assertEquals(new BigDecimal("1.52"), Fees.of(policy, new BigDecimal("151.5"), "ZMW"));
        assertEquals(new BigDecimal("2"), Fees.of(policy, new BigDecimal("250"), "JPY"));
        assertEquals(new BigDecimal("0.00"), Fees.of(TenantDocument.FeePolicy.NONE, new BigDecimal("100"), "ZMW"));
    }
}
