package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.JournalEntry;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The statements the ledger classes share: reading balances (summed over their stripes, see {@link Stripes}), locking
 * and changing stripe rows, and appending to the journal. Stateless.
 */
final class LedgerRows {

    /** The balance columns {@link #balance} reads. */
    static final String BALANCE = "tenant_id, currency, liquidity_limit, position, reserved, alarm_percent, max_per_transfer";

    private LedgerRows() {
    }

    /** Maps a row selected or returned with {@link #BALANCE}. */
    static Balance balance(ResultSet rows) throws SQLException {
        return new Balance(new TenantId(rows.getString("tenant_id")), rows.getString("currency"), rows.getBigDecimal("liquidity_limit"),
            rows.getBigDecimal("position"), rows.getBigDecimal("reserved"), rows.getInt("alarm_percent"),
            Optional.ofNullable(rows.getBigDecimal("max_per_transfer")));
    }

    /** A balance's figures summed over its stripes, in the order {@link #balance} reads them; with {@link #GROUP}. */
    static final String TOTALS = "tenant_id, currency, sum(liquidity_limit) AS liquidity_limit, sum(position) AS position,"
        + " sum(reserved) AS reserved, min(alarm_percent) AS alarm_percent, min(max_per_transfer) AS max_per_transfer";

    /** Ends a query of {@link #TOTALS}. */
    static final String GROUP = " GROUP BY tenant_id, currency";

    /** The balance (its stripes summed), read without locking; empty when the currency has none. */
    static Optional<Balance> read(Connection connection, TenantId tenant, String currency) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT " + TOTALS + " FROM liquidity_positions WHERE tenant_id = ? AND currency = ?" + GROUP)) {
            statement.setString(1, tenant.value());
            statement.setString(2, currency);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(balance(rows)) : Optional.empty();
            }
        }
    }

    /** Locks stripe 0 until the transaction ends, creating it (limit 0) first when missing; its own figures. */
    static Balance lockZero(Connection connection, TenantId tenant, String currency) throws SQLException {
        Optional<Balance> zero = selectZeroForUpdate(connection, tenant, currency);
        if (zero.isPresent()) {
            return zero.get();
        }
        try (var statement = connection.prepareStatement("INSERT INTO liquidity_positions (tenant_id, currency) VALUES (?, ?)"
                + " ON CONFLICT (tenant_id, currency, stripe) DO NOTHING")) {
            statement.setString(1, tenant.value());
            statement.setString(2, currency);
            statement.executeUpdate();
        }
        // A new statement: it sees the row whether this transaction or a concurrent one (committed meanwhile) created it.
        return selectZeroForUpdate(connection, tenant, currency).orElseThrow();
    }

    private static Optional<Balance> selectZeroForUpdate(Connection connection, TenantId tenant, String currency) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT " + BALANCE + " FROM liquidity_positions WHERE tenant_id = ? AND currency = ? AND stripe = 0 FOR UPDATE")) {
            statement.setString(1, tenant.value());
            statement.setString(2, currency);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(balance(rows)) : Optional.empty();
            }
        }
    }

    /**
     * One statement that changes the figures of a balance row by the given deltas and appends the journal entry with the
     * figures before and after, while holding the row's lock. Empty when the row is missing: then nothing changed.
     */
    static Optional<Balance> moveAndJournal(Connection connection, TenantId tenant, String currency, int stripe, Delta delta,
                                            Operation operation, String reference, BigDecimal amount, String actor) throws SQLException {
        try (var statement = connection.prepareStatement("""
                WITH moved AS (
                    UPDATE liquidity_positions
                       SET liquidity_limit = liquidity_limit + ?, position = position + ?, reserved = reserved + ?, updated_at = now()
                     WHERE tenant_id = ? AND currency = ? AND stripe = ?
                    RETURNING\s""" + BALANCE + """
                ),
                journaled AS (
                    INSERT INTO liquidity_journal (tenant_id, currency, stripe, operation, reference, amount, limit_before, limit_after,
                        position_before, position_after, reserved_before, reserved_after, actor)
                    SELECT tenant_id, currency, ?, ?, ?, ?, liquidity_limit - ?, liquidity_limit, position - ?, position, reserved - ?, reserved, ?
                      FROM moved)
                SELECT\s""" + BALANCE + " FROM moved")) {
            int i = 0;
            statement.setBigDecimal(++i, delta.limit());
            statement.setBigDecimal(++i, delta.position());
            statement.setBigDecimal(++i, delta.reserved());
            statement.setString(++i, tenant.value());
            statement.setString(++i, currency);
            statement.setInt(++i, stripe);
            statement.setInt(++i, stripe);
            statement.setString(++i, operation.name());
            statement.setString(++i, reference);
            statement.setBigDecimal(++i, amount);
            statement.setBigDecimal(++i, delta.limit());
            statement.setBigDecimal(++i, delta.position());
            statement.setBigDecimal(++i, delta.reserved());
            statement.setString(++i, actor);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(balance(rows)) : Optional.empty();
            }
        }
    }

    /**
     * How an operation changes a balance.
     *
     * @param limit    added to the limit
     * @param position added to the position
     * @param reserved added to reserved
     */
    record Delta(BigDecimal limit, BigDecimal position, BigDecimal reserved) {

        static Delta position(BigDecimal amount) {
            return new Delta(BigDecimal.ZERO, amount, BigDecimal.ZERO);
        }
    }

    /** Appends one journal entry of stripe 0; must run while the transaction holds that row's lock (the journal's order). */
    static void journal(Connection connection, Operation operation, String reference, BigDecimal amount, Balance before, Balance after,
                        String actor) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO liquidity_journal (tenant_id, currency, operation, reference, amount, limit_before, limit_after,
                    position_before, position_after, reserved_before, reserved_after, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setString(1, after.tenant().value());
            statement.setString(2, after.currency());
            statement.setString(3, operation.name());
            statement.setString(4, reference);
            statement.setBigDecimal(5, amount);
            statement.setBigDecimal(6, before.limit());
            statement.setBigDecimal(7, after.limit());
            statement.setBigDecimal(8, before.position());
            statement.setBigDecimal(9, after.position());
            statement.setBigDecimal(10, before.reserved());
            statement.setBigDecimal(11, after.reserved());
            statement.setString(12, actor);
            statement.executeUpdate();
        }
    }

    /** Maps a journal row (id, at, currency, operation, reference, amount, the six figures, actor, stripe) by column name. */
    static JournalEntry entry(ResultSet rows) throws SQLException {
        return new JournalEntry(rows.getLong("id"), rows.getTimestamp("at").toInstant(), rows.getString("currency"), rows.getInt("stripe"),
            Operation.valueOf(rows.getString("operation")), rows.getString("reference"), rows.getBigDecimal("amount"),
            new JournalEntry.Figures(rows.getBigDecimal("limit_before"), rows.getBigDecimal("position_before"),
                rows.getBigDecimal("reserved_before")),
            new JournalEntry.Figures(rows.getBigDecimal("limit_after"), rows.getBigDecimal("position_after"),
                rows.getBigDecimal("reserved_after")), rows.getString("actor"));
    }
}
