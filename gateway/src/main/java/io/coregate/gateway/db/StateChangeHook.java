package io.coregate.gateway.db;

import io.coregate.gateway.domain.transfer.Transfer;

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
    StateChangeHook NONE = (connection, before, after) -> {
    };

    /**
     * @param connection the state change's connection, inside its transaction
     * @param before     the transfer before the change
     * @param after      the transfer after the change
     */
    void apply(Connection connection, Transfer before, Transfer after) throws SQLException;

    /** This hook, then {@code next}, on the same connection. */
    default StateChangeHook andThen(StateChangeHook next) {
        return (connection, before, after) -> {
            apply(connection, before, after);
            next.apply(connection, before, after);
        };
    }
}
