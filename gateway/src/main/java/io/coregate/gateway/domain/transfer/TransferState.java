package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.util.EnumSet;
import java.util.Set;

/**
 * A transfer's state and the transitions allowed from it. Payee side (INBOUND):
 * {@code RECEIVED → RESERVED | ABORTED}, {@code RESERVED → COMMITTED | ABORTED | RECONCILE},
 * {@code RECONCILE → COMMITTED | ABORTED}. Payer side (OUTBOUND) adds: {@code RECEIVED → QUOTED} (a
 * merchant payment, reserved when its quote returns), {@code RESERVED → QUOTED} (liquidity held, quote returned),
 * {@code QUOTED → DEBIT_PENDING | ABORTED | RECONCILE} (waiting for the channel's accept), {@code DEBIT_PENDING → DEBITED |
 * ABORTED | RECONCILE} (the customer's debit or hold is asked for, written before the CBS is called; it stays here
 * while the CBS has not answered or answered pending), {@code DEBITED → COMMITTED |
 * ABORTED | UNCERTAIN | RECONCILE} (customer debited, accept sent), {@code UNCERTAIN → COMMITTED | ABORTED | RECONCILE}
 * (the accept's outcome is unknown). COMMITTED and ABORTED are final. Outwards (backend API) only the spec's states
 * are shown: RECONCILE reads as RESERVED, since the customer is not credited yet. The payee side's {@code RESERVED →
 * COMMITTING → COMMITTED | RECONCILE} is a credit the CBS answered pending after the hub committed (shown as
 * RESERVED too).
 */
public enum TransferState {
    RECEIVED,
    RESERVED,
    COMMITTED,
    ABORTED,
    RECONCILE,
    QUOTED,
    DEBITED,
    UNCERTAIN,
    DEBIT_PENDING,
    COMMITTING;

    /** The states this one may move to. */
    public Set<TransferState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(RESERVED, ABORTED, QUOTED);
            case RESERVED -> EnumSet.of(COMMITTED, ABORTED, RECONCILE, QUOTED, COMMITTING);
            case COMMITTING -> EnumSet.of(COMMITTED, RECONCILE);
            case RECONCILE -> EnumSet.of(COMMITTED, ABORTED, COMMITTING);
            case QUOTED -> EnumSet.of(DEBIT_PENDING, DEBITED, ABORTED, RECONCILE);
            case DEBIT_PENDING -> EnumSet.of(DEBITED, ABORTED, RECONCILE);
            case DEBITED -> EnumSet.of(COMMITTED, ABORTED, UNCERTAIN, RECONCILE);
            case UNCERTAIN -> EnumSet.of(COMMITTED, ABORTED, RECONCILE);
            case COMMITTED, ABORTED -> EnumSet.noneOf(TransferState.class);
        };
    }

    /** True for COMMITTED and ABORTED. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * Checks a transition.
     *
     * @return {@code to}
     * @throws GatewayException 2001 for a transition the state machine does not allow
     */
    public TransferState moveTo(TransferState to) {
        if (!next().contains(to)) {
            throw new GatewayException(ErrorCode.INTERNAL, "illegal transfer state change " + this + " -> " + to);
        }
        return to;
    }

    /** The state as the backend API's {@code transferState} shows it. */
    public String publicName() {
        return this == RECONCILE || this == COMMITTING ? RESERVED.name() : name();
    }
}
