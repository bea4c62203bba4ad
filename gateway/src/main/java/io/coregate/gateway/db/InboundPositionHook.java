package io.coregate.gateway.db;

import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Money;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lowers the tenant's liquidity position by a committed inbound transfer's amount ({@code position -= amount}) in the
 * same transaction as the transfer's move to COMMITTED, so the transfer log and the ledger never disagree. Idempotent
 * on the transfer id (the ledger journals it once). Thread-safe.
 */
public final class InboundPositionHook implements StateChangeHook {

    private final JdbcLedger ledger;

    public InboundPositionHook(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void apply(Connection connection, TransferState from, Transfer after) throws SQLException {
        if (after.direction() == Direction.INBOUND && after.state() == TransferState.COMMITTED && from != TransferState.COMMITTED) {
            // the transfer log keeps 4 decimals (100.0000); the ledger takes the amount as written (100), so the position
            // and the journal read like every other figure of the liquidity API
            Money amount = Money.of(new Money(after.amount(), after.currency()).plain(), after.currency());
            ledger.inbound(connection, after.tenant(), amount, after.transferId());
        }
    }
}
