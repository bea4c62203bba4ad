package io.coregate.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoneyCallTest {

    private static final String ID = "b51ec534-ee48-4575-b6a9-ead2955b8069";

    @Test
    void eachLegOfATransferHasItsOwnKeyAndARetryKeepsIt() {
        var keys = new HashSet<String>();
        for (Leg leg : Leg.values()) {
            assertEquals(new LegKey(ID, leg, 1).value(), new LegKey(ID, leg, 3).value());
            assertTrue(keys.add(new LegKey(ID, leg, 1).value()), leg + " shares a key");
            assertTrue(new LegKey(ID, leg, 1).value().length() <= LegKey.MAX_LENGTH);
        }
        assertEquals(ID + "-refund", LegKey.first(ID, Leg.REFUND).value());
        assertFalse(LegKey.first(ID, Leg.DEBIT).isRetry());
        assertTrue(new LegKey(ID, Leg.DEBIT, 2).isRetry());
        assertThrows(IllegalArgumentException.class, () -> new LegKey(ID, Leg.DEBIT, 0));
    }

    @Test
    void noLegLabelEndsAnother() {
        for (Leg a : Leg.values()) {
            for (Leg b : Leg.values()) {
                assertTrue(a == b || !a.label().endsWith(b.label()), a + " ends with " + b);
            }
        }
    }

    @Test
    void aRequestForALegCarriesItsKeyAndAttempt() {
        var payer = PartyId.of("MSISDN", "260971000001");
        var debit = new DebitRequest(ID, payer, Money.of("10", "ZMW"), Optional.empty());
        assertEquals(ID, debit.key());
        assertEquals(1, debit.attempt());
        DebitRequest refund = debit.forLeg(Leg.REFUND, 2, Optional.of("CBS-1"));
        assertEquals(ID + "-refund", refund.key());
        assertEquals(2, refund.attempt());
        assertEquals(Optional.of("CBS-1"), refund.reference());
    }

    @Test
    void accountsPerCurrencyOverrideTheDefaultsMemberByMember() {
        var usd = new AccountMapping(Optional.of("USD-FLOAT"), Optional.empty(), Optional.of("BR-2"), Map.of());
        var mapping = new AccountMapping(Optional.of("FLOAT"), Optional.of("COLL"), Optional.of("BR-1"), Map.of("USD", usd));
        assertEquals(new AccountMapping(Optional.of("USD-FLOAT"), Optional.of("COLL"), Optional.of("BR-2"), Map.of()),
            mapping.forCurrency("USD"));
        assertEquals(new AccountMapping(Optional.of("FLOAT"), Optional.of("COLL"), Optional.of("BR-1"), Map.of()), mapping.forCurrency("ZMW"));
    }

    @Test
    void healthIsUpWhenDegradedAndTheStatesAgree() {
        assertTrue(HealthStatus.degraded("slow").up());
        assertEquals(HealthStatus.State.DOWN, new HealthStatus(false, "x").state());
        assertThrows(IllegalArgumentException.class, () -> new HealthStatus(true, "x", HealthStatus.State.DOWN));
    }

    @Test
    void aKindOfCallWithoutItsOwnTimeoutGetsTheSingleOne() {
        var timeouts = new EnumMap<Operation, Duration>(Operation.class);
        timeouts.put(Operation.LOOKUP, Duration.ofMillis(500));
        var context = new AdapterContext("t", "d", Set.of("ZMW"), Settings.empty(), name -> Optional.empty(), AccountMapping.none(),
            Duration.ofSeconds(5), timeouts);
        assertEquals(Duration.ofMillis(500), context.timeout(Operation.of("lookupParty")));
        assertEquals(Duration.ofMillis(400), context.httpTimeout(Operation.LOOKUP));
        assertEquals(Duration.ofSeconds(5), context.timeout(Operation.of("commitCredit")));
    }

    @Test
    void theContextGivesTheAmountInMinorUnits() {
        var context = TransferContext.minimal(ID, Counterparty.unknown(), Counterparty.unknown(), Money.of("10.50", "ZMW"));
        assertEquals(1050, context.amountInMinorUnits());
    }
}
