package io.coregate.gateway.domain.ledger;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an operator or the tenant document sets; never touches position or reserved.
 *
 * @param limit          the new limit, not negative
 * @param alarmPercent   0 to 100
 * @param maxPerTransfer the optional per-transfer maximum (4200 above it)
 */
public record LimitSettings(BigDecimal limit, int alarmPercent, Optional<BigDecimal> maxPerTransfer) {
}
