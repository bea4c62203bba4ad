package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.PlainDecimal;
import io.coregate.gateway.domain.validation.Validated;

import java.util.Arrays;

/**
 * {@code POST /admin/tenants/{tenant}/liquidity/{currency}/adjustments}: {@code {"type": "FUNDS_IN", "amount": "500.00",
 * "reference": "deposit-2026-11-28"}}. The reference makes the adjustment idempotent.
 *
 * @param type      FUNDS_IN, FUNDS_OUT or SETTLEMENT
 * @param amount    a positive decimal string
 * @param reference 1 to {@link LedgerRules#MAX_REFERENCE} printable characters, read stripped
 */
public record AdjustmentRequest(String type, String amount, String reference) implements Validated {

    public AdjustmentRequest {
        reference = reference == null ? null : reference.strip();
    }

    @Override
    public void check(Check check) {
        if (type == null || Arrays.stream(Adjustment.Type.values()).noneMatch(t -> t.name().equals(type))) {
            check.invalid("type", "must be one of FUNDS_IN, FUNDS_OUT, SETTLEMENT");
        }
        PlainDecimal.required(check, "amount", amount).filter(a -> a.signum() == 0)
            .ifPresent(a -> check.invalid("amount", "must be positive"));
        if (reference == null || reference.isEmpty() || reference.length() > LedgerRules.MAX_REFERENCE
            || !reference.chars().allMatch(c -> c > 31 && c != 127)) {
            check.invalid("reference", "is required: 1 to " + LedgerRules.MAX_REFERENCE + " printable characters");
        }
    }

    /** The adjustment asked for; checks first. */
    public Adjustment adjustment() {
        Check.valid(this);
        return new Adjustment(Adjustment.Type.valueOf(type), PlainDecimal.of(amount).orElseThrow(), reference);
    }
}
