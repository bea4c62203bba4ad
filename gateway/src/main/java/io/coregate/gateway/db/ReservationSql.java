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
 * The two statements of the two-phase reservation, each a single SQL statement that changes one stripe row of the
 * balance (see {@link Stripes}), the reservation and the journal together, locking the reservation row before the
 * stripe row (one order everywhere). Run in auto-commit mode they are their own transaction, so the stripe row's lock is
 * held only while the server executes and commits them. A reservation takes the first open stripe, counting from one
 * its reference hashes to, that is not locked
 * ({@code SKIP LOCKED}) and whose own headroom suffices, so concurrent reservations of one hot account commit on
 * different rows; both return the balance's figures (the changed stripe plus the others). Stateless.
 */
final class ReservationSql {

    /** The balance of the stripe row {@code m} changed: its figures plus the other stripes' (as the statement began). */
    static final String TOTAL = """
        SELECT m.tenant_id, m.currency, m.liquidity_limit + o.l AS liquidity_limit, m.position + o.p AS position,
               m.reserved + o.r AS reserved, m.alarm_percent, m.max_per_transfer
          FROM moved m CROSS JOIN LATERAL (
            SELECT coalesce(sum(q.liquidity_limit), 0) AS l, coalesce(sum(q.position), 0) AS p, coalesce(sum(q.reserved), 0) AS r
              FROM liquidity_positions q WHERE q.tenant_id = m.tenant_id AND q.currency = m.currency AND q.stripe <> m.stripe) o""";

    private static final String RESERVE = """
        WITH requested AS (
            SELECT tenant_id, transfer_ref, currency, amount FROM liquidity_reservations
             WHERE tenant_id = ? AND transfer_ref = ? AND state = 'NEW' AND currency = ? AND amount = ?
               FOR UPDATE),
        picked AS (
            SELECT p.tenant_id, p.currency, p.stripe FROM liquidity_positions p JOIN requested r USING (tenant_id, currency)
             WHERE p.open AND p.liquidity_limit - p.position - p.reserved >= r.amount
               AND (p.max_per_transfer IS NULL OR p.max_per_transfer >= r.amount){striped}
             ORDER BY (p.stripe + ?) % ? LIMIT 1 FOR UPDATE OF p{lock}),
        moved AS (
            UPDATE liquidity_positions p SET reserved = p.reserved + r.amount, updated_at = now()
              FROM requested r, picked k
             WHERE p.tenant_id = k.tenant_id AND p.currency = k.currency AND p.stripe = k.stripe
               AND p.open AND p.liquidity_limit - p.position - p.reserved >= r.amount
               AND (p.max_per_transfer IS NULL OR p.max_per_transfer >= r.amount)
            RETURNING p.tenant_id, p.currency, p.stripe, p.liquidity_limit, p.position, p.reserved, p.alarm_percent, p.max_per_transfer,
                      r.transfer_ref, r.amount),
        held AS (
            UPDATE liquidity_reservations v SET state = 'PENDING', stripe = m.stripe, updated_at = now()
              FROM moved m WHERE v.tenant_id = m.tenant_id AND v.transfer_ref = m.transfer_ref),
        journaled AS (
            INSERT INTO liquidity_journal (tenant_id, currency, stripe, operation, reference, amount, limit_before, limit_after,
                position_before, position_after, reserved_before, reserved_after, actor)
            SELECT tenant_id, currency, stripe, 'RESERVE', transfer_ref, amount, liquidity_limit, liquidity_limit, position, position,
                   reserved - amount, reserved, ?
              FROM moved)
        """ + TOTAL;

    /** Takes the first free stripe with room. */
    private static final String RESERVE_FREE = RESERVE.replace("{striped}", "").replace("{lock}", " SKIP LOCKED");

    /**
     * Waits for the reference's own stripe and no other, once the balance has all its stripes (until then the exact path
     * spreads it). It cannot take part in a deadlock as long as its transaction holds no stripe when it runs: in a
     * caller's transaction {@link StripedFunding} rolls back a failed free attempt (which may keep the stripe it locked
     * and then found without room) before this one.
     */
    private static final String RESERVE_WAITING = RESERVE.replace("{lock}", "").replace("{striped}", """

               AND p.stripe = (? - ?) % ?
               AND EXISTS (SELECT 1 FROM liquidity_positions s
                            WHERE s.tenant_id = r.tenant_id AND s.currency = r.currency AND s.stripe = """ + (Stripes.COUNT - 1) + ")");

    private static final String SETTLE = """
        WITH settled AS (
            UPDATE liquidity_reservations SET state = ?, updated_at = now()
             WHERE tenant_id = ? AND transfer_ref = ? AND state = 'PENDING'
            RETURNING tenant_id, currency, stripe, amount),
        moved AS (
            UPDATE liquidity_positions p
               SET position = p.position + s.amount * ?, reserved = p.reserved - s.amount, updated_at = now()
              FROM settled s WHERE p.tenant_id = s.tenant_id AND p.currency = s.currency AND p.stripe = s.stripe
            RETURNING p.tenant_id, p.currency, p.stripe, p.liquidity_limit, p.position, p.reserved, p.alarm_percent, p.max_per_transfer,
                      s.amount),
        journaled AS (
            INSERT INTO liquidity_journal (tenant_id, currency, stripe, operation, reference, amount, limit_before, limit_after,
                position_before, position_after, reserved_before, reserved_after, actor)
            SELECT tenant_id, currency, stripe, ?, ?, amount, liquidity_limit, liquidity_limit, position - amount * ?, position,
                   reserved + amount, reserved, ?
              FROM moved)
        """ + TOTAL;

    private ReservationSql() {
    }

    /**
     * Funds the NEW reservation {@code ref} of that currency and amount from one open stripe whose own
     * {@code limit - position - reserved >= amount} (within the maximum): it becomes PENDING on that stripe. With
     * {@code skipLocked} only a stripe no other transaction holds; else it waits for the reference's own stripe, but only once
     * the balance has all its stripes (a balance still on one row goes the exact way, which spreads it). Empty when it
     * changed nothing: no such NEW reservation (another request funded it first), no stripe row, or no stripe with room
     * (then {@link Stripes#reserve} decides exactly).
     */
    static Optional<Balance> reserve(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref, boolean skipLocked,
                                     String actor) throws SQLException {
        try (var statement = c.prepareStatement(skipLocked ? RESERVE_FREE : RESERVE_WAITING)) {
            statement.setString(1, tenant.value());
            statement.setString(2, ref);
            statement.setString(3, currency);
            statement.setBigDecimal(4, amount);
            // Each reference starts its search at its own stripe, so concurrent sends (and their posts) spread over the stripes.
            int rotation = Stripes.COUNT - Math.floorMod(ref.hashCode(), Stripes.COUNT);
            int i = 4;
            if (!skipLocked) {
                statement.setInt(++i, Stripes.COUNT);
                statement.setInt(++i, rotation);
                statement.setInt(++i, Stripes.COUNT);
            }
            statement.setInt(++i, rotation);
            statement.setInt(++i, Stripes.COUNT);
            statement.setString(++i, actor);
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
