package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One tenant's liquidity in one currency.
 *
 * @param tenant         the tenant
 * @param currency       ISO 4217 code
 * @param limit          prefunded liquidity at the hub, or the DFSP's lower exposure cap
 * @param position       posted net debit: sends add to it, inbound transfers and settlements lower it
 * @param reserved       the sum of pending reservations
 * @param alarmPercent   the alarm is on while available is below this share of the limit
 * @param maxPerTransfer a reservation above this is refused with 4200, when set
 */
public record Balance(TenantId tenant, String currency, BigDecimal limit, BigDecimal position, BigDecimal reserved, int alarmPercent,
                      Optional<BigDecimal> maxPerTransfer) {

    /** The default alarm threshold in percent. */
    public static final int DEFAULT_ALARM_PERCENT = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A currency without a ledger row: limit 0, so nothing can be reserved. */
    public static Balance empty(TenantId tenant, String currency) {
        return new Balance(tenant, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, DEFAULT_ALARM_PERCENT, Optional.empty());
    }

    /** {@code limit - position - reserved}. */
    public BigDecimal available() {
        return limit.subtract(position).subtract(reserved);
    }

    /** True while available is below {@code alarmPercent} of the limit. */
    public boolean alarm() {
        return available().multiply(HUNDRED).compareTo(limit.multiply(BigDecimal.valueOf(alarmPercent))) < 0;
    }
}
