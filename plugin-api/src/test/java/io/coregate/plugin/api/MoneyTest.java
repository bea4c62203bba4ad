package io.coregate.plugin.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Money reads as people write it, in logs and journals as on the Mojaloop APIs. */
class MoneyTest {

    @Test
    void printsThePlainAmountAndTheCurrency() {
        assertEquals("100 ZMW", Money.of("100.0000", "ZMW").toString());
        assertEquals("10.5 ZMW", Money.of("10.50", "ZMW").toString());
        assertEquals("1000000 ZMW", Money.of("1E+6", "ZMW").toString());
    }
}
