package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Moves an outbound transfer's liquidity reservation with its state, in the state change's own transaction, so the
 * transfer log and the ledger never disagree: COMMITTED posts it ({@code position += amount}), ABORTED voids it,
 * DEBITED (the accept is about to be sent) and UNCERTAIN mark it uncertain so the sweeper never expires it while the
 * hub may still commit; RECONCILE follows its target (the hub's known decision), or marks it uncertain without one.
 * A transfer that never held a reservation (a merchant payment refused before its quote) is left alone. Moving to
 * DEBITED when the reservation is no longer pending (the sweeper voided it after the quote waited too long) fails
 * with 3302, rolling the change back. Thread-safe.
 */
public final class OutboundLedgerHook implements StateChangeHook {

    private final JdbcLedger ledger;

    public OutboundLedgerHook(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void apply(Connection connection, TransferState from, Transfer after) throws SQLException {
        if (after.direction() != Direction.OUTBOUND || from == after.state()) {
            return;
        }
        var reservation = LedgerStatements.reservation(connection, after.tenant(), after.transferId());
        if (reservation.isEmpty()) {
            return;
        }
        switch (after.state()) {
            case COMMITTED -> ledger.post(connection, after.tenant(), after.transferId());
            case ABORTED -> ledger.voidReservation(connection, after.tenant(), after.transferId());
            case DEBITED -> {
                if (reservation.get().state() != ReservationState.PENDING) {
                    throw new GatewayException(ErrorCode.QUOTE_EXPIRED,
                        "the liquidity held for transfer " + after.transferId() + " was released: the quote waited too long");
                }
                ledger.markUncertain(connection, after.tenant(), after.transferId(), true);
            }
            case RECONCILE -> reconcile(connection, after);
            case UNCERTAIN -> ledger.markUncertain(connection, after.tenant(), after.transferId(), true);
            default -> {
            }
        }
    }

    /** The ledger follows the hub's decision when it is known (the target); else the reservation waits for an operator. */
    private void reconcile(Connection connection, Transfer after) throws SQLException {
        switch (after.targetState().orElse(TransferState.RECONCILE)) {
            case COMMITTED -> ledger.post(connection, after.tenant(), after.transferId());
            case ABORTED -> ledger.voidReservation(connection, after.tenant(), after.transferId());
            default -> ledger.markUncertain(connection, after.tenant(), after.transferId(), true);
        }
    }
}
