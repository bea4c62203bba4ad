package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LiquidityRequestsTest {

    private static List<String> fields(Runnable call) {
        return assertThrows(ValidationException.class, call::run).errors().stream().map(FieldError::field).toList();
    }

    private static LimitSettings limit(Map<String, Object> body) {
        return Tenants.bind(body, LimitRequest.class).settings();
    }

    private static Adjustment adjustment(Map<String, Object> body) {
        return Tenants.bind(body, AdjustmentRequest.class).adjustment();
    }

    @Test
    void limitDefaultsTheAlarmToTenPercentAndHasNoMaximum() {
        var settings = limit(Map.of("limit", "1000000.00"));
        assertEquals(new LimitSettings(new BigDecimal("1000000.00"), 10, Optional.empty()), settings);
    }

    @Test
    void limitRefusesNumbersBadDecimalsAndAlarmsOutOfRange() {
        assertEquals(List.of("limit"), fields(() -> limit(Map.of("limit", 1000))));
        assertEquals(List.of("limit"), fields(() -> limit(Map.of("limit", "-1"))));
        assertEquals(List.of("limit"), fields(() -> limit(Map.of("limit", "1.23456"))));
        assertEquals(List.of("limit", "alarmPercent"), fields(() -> limit(Map.of("alarmPercent", 101))));
        assertEquals(List.of("maxPerTransfer"), fields(() -> limit(Map.of("limit", "1", "maxPerTransfer", "0"))));
    }

    @Test
    void adjustmentNeedsTypeAmountAndReference() {
        var ok = adjustment(Map.of("type", "SETTLEMENT", "amount", "12.5", "reference", " s-1 "));
        assertEquals(new Adjustment(Adjustment.Type.SETTLEMENT, new BigDecimal("12.5"), "s-1"), ok);
        var bad = new LinkedHashMap<String, Object>();
        bad.put("type", "funds_in");
        bad.put("amount", "0");
        bad.put("extra", true);
        assertEquals(List.of("extra", "type", "amount", "reference"), fields(() -> adjustment(bad)));
    }

    @Test
    void refusalIs4200AboveTheMaximumAndOtherwise4001() {
        var tenant = new TenantId("r");
        var capped = new Balance(tenant, "ZMW", new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, 10, Optional.of(new BigDecimal("50")));
        GatewayException above = LedgerRules.refusal(capped, new BigDecimal("60"));
        assertEquals("4200", above.code().code());
        GatewayException shortOfLiquidity = LedgerRules.refusal(Balance.empty(tenant, "ZMW"), new BigDecimal("1"));
        assertEquals("4001", shortOfLiquidity.code().code());
    }
}
