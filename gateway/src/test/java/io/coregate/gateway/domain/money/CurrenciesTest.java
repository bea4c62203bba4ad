package io.coregate.gateway.domain.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one currency rule: ISO 4217 codes, and amounts within their currency's minor unit. */
class CurrenciesTest {

    @Test
    void onlyUpperCaseIso4217CodesAreCodes() {
        assertTrue(Currencies.isCode("ZMW"));
        assertTrue(Currencies.isCode("JPY"));
        assertFalse(Currencies.isCode("zmw"));
        assertFalse(Currencies.isCode("ZZZ"));
        assertFalse(Currencies.isCode("ZMWW"));
    }

    @Test
    void anAmountFitsWhenItHasNoMoreDecimalsThanTheMinorUnit() {
        assertEquals(2, Currencies.minorUnit("ZMW"));
        assertTrue(Currencies.fits(new BigDecimal("10.25"), "ZMW"));
        assertTrue(Currencies.fits(new BigDecimal("10.500"), "ZMW"), "trailing zeros are not decimals");
        assertTrue(Currencies.fits(new BigDecimal("100"), "JPY"));
        assertFalse(Currencies.fits(new BigDecimal("10.255"), "ZMW"));
        assertFalse(Currencies.fits(new BigDecimal("10.5"), "JPY"));
        assertTrue(Currencies.fits(new BigDecimal("0.0001"), "XAU"), "no ISO minor unit: the Mojaloop format's 4 decimals");
    }
}
