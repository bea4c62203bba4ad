package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LedgerRules;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.ledger.Reservation;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The transfer-facing ledger operations, each run on a connection inside a transaction its caller owns. Every change
 * to a balance row and its journal entry happen while that row is locked, so the journal's order per row is the
 * order of the changes (per stripe row, see {@link Stripes}). Stateless.
 */
final class LedgerStatements {

    private static final String ACTOR = "transfer";
    private static final String RESERVATION = "tenant_id, transfer_ref, currency, amount, state, uncertain, expires_at";

    /**
     * After stripe 0's lock, one statement: unless this reference has an entry already, the move ({@code position -=
     * amount} on stripe 0, which never breaks the stripes' invariants) with its journal entry, returning the balance
     * after; no row when it has one. Its snapshot is taken once the lock is held, so it sees any entry committed by then.
     */
    private static final String INBOUND = """
        WITH moved AS (
            UPDATE liquidity_positions p SET position = p.position - ?, updated_at = now()
             WHERE p.tenant_id = ? AND p.currency = ? AND p.stripe = 0 AND NOT EXISTS (
                   SELECT 1 FROM liquidity_journal j WHERE j.tenant_id = p.tenant_id AND j.currency = p.currency
                      AND j.reference = ? AND j.operation = 'INBOUND')
            RETURNING p.tenant_id, p.currency, p.stripe, p.liquidity_limit, p.position, p.reserved, p.alarm_percent, p.max_per_transfer),
        journaled AS (
            INSERT INTO liquidity_journal (tenant_id, currency, stripe, operation, reference, amount, limit_before, limit_after,
                position_before, position_after, reserved_before, reserved_after, actor)
            SELECT tenant_id, currency, stripe, 'INBOUND', ?, ?, liquidity_limit, liquidity_limit, position + ?, position,
                   reserved, reserved, ?
              FROM moved)
        """ + ReservationSql.TOTAL;

    private LedgerStatements() {
    }

    static LedgerResult reserve(Connection c, TenantId tenant, Money money, String ref, Instant expiresAt) throws SQLException {
        BigDecimal amount = LedgerRules.positive("amount", money.amount());
        String currency = LedgerRules.currency(money.currency());
        LedgerRules.reference("transferRef", ref);
        boolean inserted;
        try (var insert = c.prepareStatement("""
                INSERT INTO liquidity_reservations (tenant_id, transfer_ref, currency, amount, expires_at, state)
                VALUES (?, ?, ?, ?, ?, 'NEW') ON CONFLICT (tenant_id, transfer_ref) DO NOTHING""")) {
            insert.setString(1, tenant.value());
            insert.setString(2, ref);
            insert.setString(3, currency);
            insert.setBigDecimal(4, amount);
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            inserted = insert.executeUpdate() == 1;
        }
        // The one conditional statement that makes a reservation: it can never take available below zero.
        Optional<Balance> reserved = StripedFunding.quickly(c, tenant, currency, amount, ref, ACTOR);
        if (reserved.isEmpty()) {
            // No free stripe had room: the exact path counts the whole balance under every stripe's lock.
            reserved = StripedFunding.exactly(c, tenant, currency, amount, ref, ACTOR);
        }
        if (reserved.isPresent()) {
            return new LedgerResult(Operation.RESERVE, ref, true, "reserved", reserved.get());
        }
        Optional<Reservation> existing = reservation(c, tenant, ref);
        if (existing.isPresent() || !inserted) {
            if (existing.isEmpty() || !existing.get().currency().equals(currency) || existing.get().amount().compareTo(amount) != 0) {
                // Another request for this reference, not funded yet or funded with other figures.
                throw existing.isEmpty() && sameRequest(c, tenant, ref, currency, amount)
                    ? LedgerRules.refusal(LedgerRows.read(c, tenant, currency).orElseGet(() -> Balance.empty(tenant, currency)), amount)
                    : LedgerRules.modified("reservation", ref);
            }
            return new LedgerResult(Operation.RESERVE, ref, false, "already reserved; now " + existing.get().state(),
                LedgerRows.read(c, tenant, currency).orElseGet(() -> Balance.empty(tenant, currency)));
        }
        try (var delete = c.prepareStatement("DELETE FROM liquidity_reservations WHERE tenant_id = ? AND transfer_ref = ? AND state = 'NEW'")) {
            delete.setString(1, tenant.value());
            delete.setString(2, ref);
            delete.executeUpdate();
        }
        throw LedgerRules.refusal(LedgerRows.read(c, tenant, currency).orElseGet(() -> Balance.empty(tenant, currency)), amount);
    }

    private static boolean sameRequest(Connection c, TenantId tenant, String ref, String currency, BigDecimal amount) throws SQLException {
        try (var select = c.prepareStatement("SELECT currency, amount FROM liquidity_reservations WHERE tenant_id = ? AND transfer_ref = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, ref);
            try (var rows = select.executeQuery()) {
                return !rows.next() || rows.getString("currency").equals(currency) && rows.getBigDecimal("amount").compareTo(amount) == 0;
            }
        }
    }

    /** Posts ({@code post = true}) or voids a pending reservation; a repeat changes nothing and says so. */
    static LedgerResult settle(Connection c, TenantId tenant, String ref, boolean post) throws SQLException {
        Operation operation = post ? Operation.POST : Operation.VOID;
        ReservationState target = post ? ReservationState.POSTED : ReservationState.VOIDED;
        Optional<Balance> settled = ReservationSql.settle(c, tenant, ref, target, operation, ACTOR);
        if (settled.isPresent()) {
            return new LedgerResult(operation, ref, true, post ? "posted" : "voided", settled.get());
        }
        Reservation existing = reservation(c, tenant, ref).orElseThrow(() -> LedgerRules.unknownReservation(ref));
        if (post && existing.state() == ReservationState.VOIDED) {
            throw LedgerRules.voidedCannotPost(ref);
        }
        String message = existing.state() == target ? "already " + target.name().toLowerCase(Locale.ROOT)
            : "already " + existing.state().name().toLowerCase(Locale.ROOT) + "; nothing to void";
        return new LedgerResult(operation, ref, false, message,
            LedgerRows.read(c, tenant, existing.currency()).orElseGet(() -> Balance.empty(tenant, existing.currency())));
    }

    static LedgerResult inbound(Connection c, TenantId tenant, Money money, String ref) throws SQLException {
        BigDecimal amount = LedgerRules.positive("amount", money.amount());
        String currency = LedgerRules.currency(money.currency());
        LedgerRules.reference("transferRef", ref);
        LedgerRows.lockZero(c, tenant, currency);
        try (var statement = c.prepareStatement(INBOUND)) {
            int i = 0;
            statement.setBigDecimal(++i, amount);
            statement.setString(++i, tenant.value());
            statement.setString(++i, currency);
            statement.setString(++i, ref);
            statement.setString(++i, ref);
            statement.setBigDecimal(++i, amount);
            statement.setBigDecimal(++i, amount);
            statement.setString(++i, ACTOR);
            try (var rows = statement.executeQuery()) {
                if (rows.next()) {
                    return new LedgerResult(Operation.INBOUND, ref, true, "recorded", LedgerRows.balance(rows));
                }
            }
        }
        // Recorded before (a repeat): the same amount changes nothing, another amount is a modified request.
        try (var select = c.prepareStatement("SELECT amount FROM liquidity_journal"
                + " WHERE tenant_id = ? AND currency = ? AND reference = ? AND operation = 'INBOUND'")) {
            select.setString(1, tenant.value());
            select.setString(2, currency);
            select.setString(3, ref);
            try (var rows = select.executeQuery()) {
                if (rows.next() && rows.getBigDecimal(1).compareTo(amount) != 0) {
                    throw LedgerRules.modified("inbound transfer", ref);
                }
            }
        }
        return new LedgerResult(Operation.INBOUND, ref, false, "already recorded", LedgerRows.read(c, tenant, currency).orElseThrow());
    }

    static boolean markUncertain(Connection c, TenantId tenant, String ref, boolean uncertain) throws SQLException {
        try (var update = c.prepareStatement("UPDATE liquidity_reservations SET uncertain = ?, updated_at = now()"
                + " WHERE tenant_id = ? AND transfer_ref = ? AND state = 'PENDING'")) {
            update.setBoolean(1, uncertain);
            update.setString(2, tenant.value());
            update.setString(3, ref);
            return update.executeUpdate() == 1;
        }
    }

    static Optional<Reservation> reservation(Connection c, TenantId tenant, String ref) throws SQLException {
        try (var select = c.prepareStatement("SELECT " + RESERVATION
                + " FROM liquidity_reservations WHERE tenant_id = ? AND transfer_ref = ? AND state <> 'NEW'")) {
            select.setString(1, tenant.value());
            select.setString(2, ref);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(reservation(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Voids due, certain, pending reservations, skipping rows other transactions hold; balance rows locked in key order.
     * Also deletes requests left NEW for over a minute (a process that stopped between inserting and funding one).
     */
    static int expireDue(Connection c, int batchSize) throws SQLException {
        try (var stale = c.prepareStatement(
                "DELETE FROM liquidity_reservations WHERE state = 'NEW' AND created_at < now() - interval '1 minute'")) {
            stale.executeUpdate();
        }
        var due = new ArrayList<Due>();
        try (var select = c.prepareStatement("SELECT " + RESERVATION + ", stripe FROM liquidity_reservations"
                + " WHERE state = 'PENDING' AND NOT uncertain AND expires_at < now() ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(reservation(rows), rows.getInt("stripe")));
                }
            }
        }
        // Stripe rows locked in key order (tenant, currency, stripe), as every multi-row writer does.
        due.sort(Comparator.comparing((Due d) -> d.reservation().tenant().value()).thenComparing(d -> d.reservation().currency())
            .thenComparingInt(Due::stripe).thenComparing(d -> d.reservation().transferRef()));
        for (Due d : due) {
            Reservation r = d.reservation();
            ReservationSql.settle(c, r.tenant(), r.transferRef(), ReservationState.VOIDED, Operation.EXPIRE, "sweeper");
        }
        return due.size();
    }

    private record Due(Reservation reservation, int stripe) {
    }

    private static Reservation reservation(ResultSet rows) throws SQLException {
        return new Reservation(new TenantId(rows.getString("tenant_id")), rows.getString("transfer_ref"), rows.getString("currency"),
            rows.getBigDecimal("amount"), ReservationState.valueOf(rows.getString("state")), rows.getBoolean("uncertain"),
            rows.getTimestamp("expires_at").toInstant());
    }
}
