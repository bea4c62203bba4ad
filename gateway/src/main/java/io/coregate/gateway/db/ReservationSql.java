package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The two statements of the two-phase reservation, each a single SQL statement that changes the balance, the
 * reservation and the journal together, locking the reservation row before the balance row (one order everywhere,
 * so they cannot deadlock). Run in auto-commit mode they are their own transaction, so the balance row's
 * lock is held only while the server executes and commits them (no client round trip under the lock: this is what
 * keeps one hot account fast). Stateless.
 */
final class ReservationSql {

    private static final String RESERVE = """
        WITH requested AS (
            SELECT tenant_id, transfer_ref, currency, amount FROM liquidity_reservations
             WHERE tenant_id = ? AND transfer_ref = ? AND state = 'NEW' AND currency = ? AND amount = ?
               FOR UPDATE),
        moved AS (
            UPDATE liquidity_positions p SET reserved = p.reserved + r.amount, updated_at = now()
              FROM requested r
             WHERE p.tenant_id = r.tenant_id AND p.currency = r.currency
               AND p.liquidity_limit - p.position - p.reserved >= r.amount
               AND (p.max_per_transfer IS NULL OR p.max_per_transfer >= r.amount)
            RETURNING p.tenant_id, p.currency, p.liquidity_limit, p.position, p.reserved, p.alarm_percent, p.max_per_transfer,
                      r.transfer_ref, r.amount),
        held AS (
            UPDATE liquidity_reservations v SET state = 'PENDING', updated_at = now()
              FROM moved m WHERE v.tenant_id = m.tenant_id AND v.transfer_ref = m.transfer_ref),
        journaled AS (
            INSERT INTO liquidity_journal (tenant_id, currency, operation, reference, amount, limit_before, limit_after,
                position_before, position_after, reserved_before, reserved_after, actor)
            SELECT tenant_id, currency, 'RESERVE', transfer_ref, amount, liquidity_limit, liquidity_limit, position, position,
                   reserved - amount, reserved, ?
              FROM moved)
        SELECT tenant_id, currency, liquidity_limit, position, reserved, alarm_percent, max_per_transfer FROM moved""";

    private static final String SETTLE = """
        WITH settled AS (
            UPDATE liquidity_reservations SET state = ?, updated_at = now()
             WHERE tenant_id = ? AND transfer_ref = ? AND state = 'PENDING'
            RETURNING tenant_id, currency, amount),
        moved AS (
            UPDATE liquidity_positions p
               SET position = p.position + s.amount * ?, reserved = p.reserved - s.amount, updated_at = now()
              FROM settled s WHERE p.tenant_id = s.tenant_id AND p.currency = s.currency
            RETURNING p.tenant_id, p.currency, p.liquidity_limit, p.position, p.reserved, p.alarm_percent, p.max_per_transfer, s.amount),
        journaled AS (
            INSERT INTO liquidity_journal (tenant_id, currency, operation, reference, amount, limit_before, limit_after,
                position_before, position_after, reserved_before, reserved_after, actor)
            SELECT tenant_id, currency, ?, ?, amount, liquidity_limit, liquidity_limit, position - amount * ?, position,
                   reserved + amount, reserved, ?
              FROM moved)
        SELECT tenant_id, currency, liquidity_limit, position, reserved, alarm_percent, max_per_transfer FROM moved""";

    private ReservationSql() {
    }

    /**
     * Funds the NEW reservation {@code ref} of that currency and amount when it fits ({@code limit - position -
     * reserved >= amount}, within the maximum): it becomes PENDING. Empty when it changed nothing: no such NEW
     * reservation (another request funded it first), no balance row, or no room.
     */
    static Optional<Balance> reserve(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref, String actor)
            throws SQLException {
        try (var statement = c.prepareStatement(RESERVE)) {
            statement.setString(1, tenant.value());
            statement.setString(2, ref);
            statement.setString(3, currency);
            statement.setBigDecimal(4, amount);
            statement.setString(5, actor);
            return first(statement);
        }
    }

    /** Posts or voids (or expires) a pending reservation; empty when there is no pending one with that reference. */
    static Optional<Balance> settle(Connection c, TenantId tenant, String ref, ReservationState target, Operation operation, String actor)
            throws SQLException {
        BigDecimal toPosition = target == ReservationState.POSTED ? BigDecimal.ONE : BigDecimal.ZERO;
        try (var statement = c.prepareStatement(SETTLE)) {
            int i = 0;
            statement.setString(++i, target.name());
            statement.setString(++i, tenant.value());
            statement.setString(++i, ref);
            statement.setBigDecimal(++i, toPosition);
            statement.setString(++i, operation.name());
            statement.setString(++i, ref);
            statement.setBigDecimal(++i, toPosition);
            statement.setString(++i, actor);
            return first(statement);
        }
    }

    private static Optional<Balance> first(PreparedStatement statement) throws SQLException {
        try (var rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(LedgerRows.balance(rows)) : Optional.empty();
        }
    }
}
