package io.coregate.gateway.domain.money;

import io.coregate.gateway.domain.tenant.TenantDocument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Applies a tenant's percentage fee policy. Stateless. */
public final class Fees {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Fees() {
    }

    /**
     * The fee on an amount: {@code percent} of it, at least {@code min}, at most {@code max}, rounded half-even to the
     * currency's minor unit.
     */
    public static BigDecimal of(TenantDocument.FeePolicy policy, BigDecimal amount, String currency) {
        BigDecimal fee = amount.multiply(policy.percent()).divide(HUNDRED);
        if (fee.compareTo(policy.min()) < 0) {
            fee = policy.min();
        }
        if (policy.max().isPresent() && fee.compareTo(policy.max().get()) > 0) {
            fee = policy.max().get();
        }
        return fee.setScale(Currencies.minorUnit(currency), RoundingMode.HALF_EVEN);
    }
}
