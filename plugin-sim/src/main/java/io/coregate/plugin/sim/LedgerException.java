package io.coregate.plugin.sim;

import java.util.Objects;

/**
 * A booking the {@link Ledger} refused; nothing was booked. Routes turn it into their vendor's error body.
 * Immutable once thrown.
 */
public final class LedgerException extends RuntimeException {

    /** Why a booking was refused. */
    public enum Reason {
        NO_SUCH_ACCOUNT,
        NO_SUCH_HOLD,
        CURRENCY_MISMATCH,
        INSUFFICIENT_FUNDS,
        HOLD_NOT_OPEN
    }

    private final Reason reason;

    LedgerException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the booking was refused. */
    public Reason reason() {
        return reason;
    }
}
