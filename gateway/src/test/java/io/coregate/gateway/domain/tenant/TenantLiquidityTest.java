package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which liquidity entries of a tenant document set the ledger's limits. */
class TenantLiquidityTest {

    private static TenantDocument document(Map<String, Object> liquidity) {
        var raw = new LinkedHashMap<String, Object>();
        raw.put("dfspId", "bank");
        raw.put("currencies", List.of("ZMW", "USD"));
        raw.put("cbs", Map.of("plugin", "sandbox"));
        raw.put("liquidity", liquidity);
        return Tenants.document(raw);
    }

    @Test
    void aNewTenantSetsEveryEntry() {
        var doc = document(Map.of("ZMW", Map.of("limit", "1000.00", "alarmPercent", 15), "USD", Map.of("limit", "10")));
        var changed = TenantService.changedLiquidity(Optional.empty(), doc);
        assertEquals(new LimitSettings(new BigDecimal("1000.00"), 15, Optional.empty()), changed.get("ZMW"));
        assertEquals(new LimitSettings(new BigDecimal("10"), 10, Optional.empty()), changed.get("USD"));
    }

    @Test
    void anUnchangedEntryIsNotSetAgainSoAdjustmentsSurviveARePut() {
        var before = document(Map.of("ZMW", Map.of("limit", "1000.00"), "USD", Map.of("limit", "10")));
        var after = document(Map.of("ZMW", Map.of("limit", "1000"), "USD", Map.of("limit", "20")));
        var changed = TenantService.changedLiquidity(Optional.of(before), after);
        assertEquals(List.of("USD"), List.copyOf(changed.keySet()));
    }

    @Test
    void aChangedAlarmAloneIsSet() {
        var before = document(Map.of("ZMW", Map.of("limit", "5", "alarmPercent", 10)));
        var after = document(Map.of("ZMW", Map.of("limit", "5", "alarmPercent", 30)));
        assertEquals(30, TenantService.changedLiquidity(Optional.of(before), after).get("ZMW").alarmPercent());
    }
}
