package io.coregate.gateway.db;

import io.coregate.gateway.domain.payer.LedgerPolicy;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Executes the payer's ledger policy ({@link LedgerPolicy}): moves an outbound transfer's liquidity reservation with its
 * state, in the state change's own transaction, so the transfer log and the ledger never disagree. A transfer that
 * never held a reservation (a merchant payment refused before its quote) is left alone. A refusal of the policy (3302)
 * rolls the change back. Thread-safe.
 */
public final class OutboundLedgerHook implements StateChangeHook {

    private final JdbcLedger ledger;

    public OutboundLedgerHook(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void apply(Connection connection, TransferState from, Transfer after) throws SQLException {
        if (!LedgerPolicy.concerns(from, after)) {
            return;
        }
        var reservation = LedgerStatements.reservation(connection, after.tenant(), after.transferId());
        if (reservation.isEmpty()) {
            return;
        }
        switch (LedgerPolicy.move(from, after, reservation.get().state())) {
            case POST -> ledger.post(connection, after.tenant(), after.transferId());
            case VOID -> ledger.voidReservation(connection, after.tenant(), after.transferId());
            case MARK_UNCERTAIN -> ledger.markUncertain(connection, after.tenant(), after.transferId(), true);
            case NONE -> {
            }
        }
    }
}
