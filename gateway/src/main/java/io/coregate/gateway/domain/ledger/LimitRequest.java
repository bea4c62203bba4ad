package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.PlainDecimal;
import io.coregate.gateway.domain.validation.Validated;

import java.util.Optional;

/**
 * {@code PUT /admin/tenants/{tenant}/liquidity/{currency}}: {@code {"limit": "1000000.00", "alarmPercent": 10,
 * "maxPerTransfer": "50000"}}. Decimals are strings.
 *
 * @param limit          the new limit, required
 * @param alarmPercent   0 to 100; absent means {@link Balance#DEFAULT_ALARM_PERCENT}
 * @param maxPerTransfer the largest single reservation, positive; absent means none
 */
public record LimitRequest(String limit, Integer alarmPercent, String maxPerTransfer) implements Validated {

    @Override
    public void check(Check check) {
        PlainDecimal.required(check, "limit", limit);
        if (alarmPercent != null && (alarmPercent < 0 || alarmPercent > 100)) {
            check.invalid("alarmPercent", "must be between 0 and 100, was " + alarmPercent);
        }
        PlainDecimal.optional(check, "maxPerTransfer", maxPerTransfer).filter(max -> max.signum() == 0)
            .ifPresent(max -> check.invalid("maxPerTransfer", "must be positive; leave it out for no maximum"));
    }

    /** The settings asked for; checks first. */
    public LimitSettings settings() {
        Check.valid(this);
        return new LimitSettings(PlainDecimal.of(limit).orElseThrow(), Optional.ofNullable(alarmPercent).orElse(Balance.DEFAULT_ALARM_PERCENT),
            PlainDecimal.of(maxPerTransfer));
    }
}
