package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceTest {

    private static Balance balance(String limit, String position, String reserved, int alarmPercent) {
        return new Balance(new TenantId("b"), "ZMW", new BigDecimal(limit), new BigDecimal(position), new BigDecimal(reserved), alarmPercent,
            Optional.empty());
    }

    @Test
    void availableIsLimitMinusPositionMinusReserved() {
        assertEquals(0, new BigDecimal("650.25").compareTo(balance("1000", "300.50", "49.25", 10).available()));
        assertEquals(0, new BigDecimal("1100").compareTo(balance("1000", "-100", "0", 10).available()));
    }

    @Test
    void alarmIsOnOnlyBelowThePercentageOfTheLimit() {
        assertFalse(balance("1000", "900", "0", 10).alarm(), "exactly 10% is not below 10%");
        assertTrue(balance("1000", "900", "0.01", 10).alarm());
        assertFalse(balance("0", "0", "0", 10).alarm(), "a zero limit has nothing to alarm about");
        assertFalse(balance("1000", "1000", "0", 0).alarm(), "0% never alarms");
    }

    @Test
    void anEmptyBalanceHasLimitZeroAndTheDefaultAlarm() {
        var empty = Balance.empty(new TenantId("e"), "ZMW");
        assertEquals(0, empty.available().signum());
        assertEquals(Balance.DEFAULT_ALARM_PERCENT, empty.alarmPercent());
    }
}
