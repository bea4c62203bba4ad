package io.coregate.gateway.db;

import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that must commit or roll back together with a transfer's state change, run on the state change's own
 * connection after the transfer row and its journal entry are written (e.g. the liquidity ledger's position update
 * for a committed inbound transfer). Implementations are thread-safe.
 */
@FunctionalInterface
public interface StateChangeHook {

    /** Does nothing. */
    StateChangeHook NONE = (connection, from, after) -> {
    };

    /**
     * @param connection the state change's connection, inside its transaction
     * @param from       the transfer's state before the change
     * @param after      the transfer after the change
     */
    void apply(Connection connection, TransferState from, Transfer after) throws SQLException;

    /** This hook, then {@code next}, on the same connection. */
    default StateChangeHook andThen(StateChangeHook next) {
        return (connection, from, after) -> {
            apply(connection, from, after);
            next.apply(connection, from, after);
        };
    }
}
