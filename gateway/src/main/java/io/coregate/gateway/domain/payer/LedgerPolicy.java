package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

/**
 * Which move of an outbound transfer's state moves its liquidity reservation how (the transfer log's ledger hook
 * executes it, in the state change's own transaction): COMMITTED posts it ({@code position += amount}), ABORTED voids
 * it, DEBIT_PENDING (the customer's money is being taken), DEBITED (the accept is about to be sent) and UNCERTAIN
 * mark it uncertain so the sweeper never expires it while
 * the hub may still commit; RECONCILE follows its target (the hub's known decision), or marks it uncertain without one.
 * Moving to DEBITED when the reservation is no longer pending (the sweeper voided it after the quote waited too long)
 * is refused with 3302. Stateless.
 */
public final class LedgerPolicy {

    /** What the ledger does with a reservation. */
    public enum Move {
        /** Nothing. */
        NONE,
        /** Post it: the position grows by the amount. */
        POST,
        /** Void it: the liquidity is free again. */
        VOID,
        /** Mark it uncertain: the sweeper leaves it alone until the outcome is known. */
        MARK_UNCERTAIN
    }

    private LedgerPolicy() {
    }

    /** Whether a state change may move a reservation at all: an outbound transfer that changed its state. */
    public static boolean concerns(TransferState from, Transfer after) {
        return after.direction() == Direction.OUTBOUND && from != after.state();
    }

    /**
     * The move for a reservation when its transfer reached {@code after.state()}.
     *
     * @param reservation the reservation's state before the move
     * @throws GatewayException 3302 when the accept would be sent for liquidity that was already released
     */
    public static Move move(TransferState from, Transfer after, ReservationState reservation) {
        if (!concerns(from, after)) {
            return Move.NONE;
        }
        return switch (after.state()) {
            case COMMITTED -> Move.POST;
            case ABORTED -> Move.VOID;
            case DEBIT_PENDING -> {
                if (reservation != ReservationState.PENDING) {
                    throw new GatewayException(ErrorCode.QUOTE_EXPIRED,
                        "the liquidity held for transfer " + after.transferId() + " was released: the quote waited too long");
                }
                yield Move.MARK_UNCERTAIN;
            }
            case DEBITED -> {
                if (from == TransferState.DEBIT_PENDING) {
                    yield Move.NONE;
                }
                if (reservation != ReservationState.PENDING) {
                    throw new GatewayException(ErrorCode.QUOTE_EXPIRED,
                        "the liquidity held for transfer " + after.transferId() + " was released: the quote waited too long");
                }
                yield Move.MARK_UNCERTAIN;
            }
            case RECONCILE -> switch (after.targetState().orElse(TransferState.RECONCILE)) {
                case COMMITTED -> Move.POST;
                case ABORTED -> Move.VOID;
                default -> Move.MARK_UNCERTAIN;
            };
            case UNCERTAIN -> Move.MARK_UNCERTAIN;
            default -> Move.NONE;
        };
    }
}
