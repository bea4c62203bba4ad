package io.coregate.plugin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void transfersConserveMoneyAndRefuseWhatCannotBeCovered() {
        ledger.open("A", "ZMW", new BigDecimal("100"));
        ledger.open("B", "ZMW", BigDecimal.ZERO);
        ledger.transfer("t1", "A", "B", new BigDecimal("60"), "ZMW");
        var refused = assertThrows(LedgerException.class, () -> ledger.transfer("t2", "A", "B", new BigDecimal("41"), "ZMW"));
        assertEquals(LedgerException.Reason.INSUFFICIENT_FUNDS, refused.reason());
        assertEquals(0, new BigDecimal("40").compareTo(ledger.balance("A")));
        assertEquals(0, new BigDecimal("60").compareTo(ledger.balance("B")));
        assertEquals(List.of(), ledger.violations());
        assertEquals(LedgerException.Reason.CURRENCY_MISMATCH,
                assertThrows(LedgerException.class, () -> ledger.transfer("t3", "A", "B", BigDecimal.ONE, "USD")).reason());
        assertEquals(LedgerException.Reason.NO_SUCH_ACCOUNT,
                assertThrows(LedgerException.class, () -> ledger.transfer("t4", "A", "C", BigDecimal.ONE, "ZMW")).reason());
    }

    @Test
    void holdsReduceAvailabilityUntilReleasedOrCaptured() {
        ledger.open("A", "ZMW", new BigDecimal("100"));
        ledger.open("FLOAT", "ZMW", BigDecimal.ZERO, new BigDecimal("1000"));
        Hold hold = ledger.hold("t1:hold", "A", new BigDecimal("70"), "ZMW");
        assertEquals(0, new BigDecimal("30").compareTo(ledger.available("A")));
        assertThrows(LedgerException.class, () -> ledger.hold("t2:hold", "A", new BigDecimal("31"), "ZMW"));
        ledger.release(hold.id());
        ledger.release(hold.id());
        assertEquals(0, new BigDecimal("100").compareTo(ledger.available("A")));
        Hold second = ledger.hold("t3:hold", "A", new BigDecimal("25"), "ZMW");
        Posting captured = ledger.capture(second.id(), "FLOAT");
        assertEquals("t3:hold", captured.legKey());
        assertThrows(LedgerException.class, () -> ledger.capture(second.id(), "FLOAT"));
        assertThrows(LedgerException.class, () -> ledger.release(second.id()));
        assertEquals(0, new BigDecimal("75").compareTo(ledger.available("A")));
        // the float account may go below zero down to its overdraft
        ledger.transfer("t4", "FLOAT", "A", new BigDecimal("1025"), "ZMW");
        assertEquals(0, new BigDecimal("-1000").compareTo(ledger.balance("FLOAT")));
        assertEquals(List.of(), ledger.violations());
    }

    @Test
    void aLegBookedTwiceIsAViolation() {
        ledger.open("A", "ZMW", new BigDecimal("100"));
        ledger.open("B", "ZMW", BigDecimal.ZERO);
        ledger.transfer("t1", "A", "B", BigDecimal.ONE, "ZMW");
        ledger.transfer("t1", "A", "B", BigDecimal.ONE, "ZMW");
        assertEquals(List.of("leg t1 booked 2 times"), ledger.violations());
    }

    @Test
    void randomTransfersNeverCreateOrLoseMoney() {
        long seed = System.nanoTime();
        System.getLogger(LedgerTest.class.getName()).log(System.Logger.Level.INFO, "seed " + seed);
        var random = new Random(seed);
        for (int i = 0; i < 5; i++) {
            ledger.open("A" + i, "ZMW", BigDecimal.valueOf(random.nextInt(1000)));
        }
        for (int i = 0; i < 500; i++) {
            try {
                ledger.transfer("t" + i, "A" + random.nextInt(5), "A" + random.nextInt(5), BigDecimal.valueOf(1 + random.nextInt(300)), "ZMW");
            } catch (LedgerException refused) {
                assertEquals(LedgerException.Reason.INSUFFICIENT_FUNDS, refused.reason(), "seed " + seed);
            }
        }
        assertEquals(List.of(), ledger.violations(), "seed " + seed);
        for (int i = 0; i < 5; i++) {
            assertTrue(ledger.balance("A" + i).signum() >= 0, "seed " + seed);
        }
    }
}
