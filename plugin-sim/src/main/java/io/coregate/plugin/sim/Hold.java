package io.coregate.plugin.sim;

import java.math.BigDecimal;

/**
 * Funds earmarked on an account: they stay on it but are no longer available, until released or captured.
 * Immutable and thread-safe; the ledger replaces a hold when its state changes.
 *
 * @param id        the ledger's reference, {@code H-<n>}
 * @param legKey    the idempotency key of the leg that placed it
 * @param accountNo the account it earmarks
 * @param amount    positive
 * @param state     where it stands
 */
public record Hold(String id, String legKey, String accountNo, BigDecimal amount, State state) {

    /** A hold's life. */
    public enum State {
        OPEN,
        RELEASED,
        CAPTURED
    }

    Hold with(State next) {
        return new Hold(id, legKey, accountNo, amount, next);
    }
}
