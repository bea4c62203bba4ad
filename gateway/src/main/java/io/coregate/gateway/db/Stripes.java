package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A balance kept as stripe rows whose figures are summed (V7): the locked, exact side of a hot account. Stripe 0 takes
 * the operators' and inbound changes; reservations take from any stripe whose own headroom suffices
 * ({@link ReservationSql}), and when none does, {@link StripedFunding} locks every stripe in stripe order, counts the whole
 * balance and refuses or moves headroom between stripes. Invariants: stripes above 0 never have negative headroom, and
 * they are closed ({@code open = false}) while stripe 0's headroom is negative; so a reservation that fits one open
 * stripe fits the balance. Every writer that could break them holds every stripe's lock. Stateless.
 */
final class Stripes {

    /** Stripes per balance. */
    static final int COUNT = 8;

    private Stripes() {
    }

    /**
     * One locked stripe row.
     *
     * @param number  0 to {@link #COUNT} - 1
     * @param figures the row's own figures
     */
    record Stripe(int number, Balance figures) {
    }

    /**
     * The stripes of a balance locked for an operator change: stripe 0 created when missing, every stripe locked in
     * order, the headroom of the others moved into stripe 0.
     *
     * @param zero  stripe 0's figures
     * @param total the balance's figures (sums)
     */
    record Held(Balance zero, Balance total) {
    }

    /** Creates stripe 0 when missing, locks every stripe and collects all headroom into stripe 0. */
    static Held lockForChange(Connection c, TenantId tenant, String currency, String actor) throws SQLException {
        try (var statement = c.prepareStatement("INSERT INTO liquidity_positions (tenant_id, currency) VALUES (?, ?)"
                + " ON CONFLICT (tenant_id, currency, stripe) DO NOTHING")) {
            statement.setString(1, tenant.value());
            statement.setString(2, currency);
            statement.executeUpdate();
        }
        List<Stripe> stripes = lockAll(c, tenant, currency);
        BigDecimal collected = BigDecimal.ZERO;
        for (Stripe s : stripes.subList(1, stripes.size())) {
            BigDecimal headroom = s.figures().available();
            if (headroom.signum() != 0) {
                shift(c, s, headroom.negate(), actor);
                collected = collected.add(headroom);
            }
        }
        Balance zero = stripes.get(0).figures();
        if (collected.signum() != 0) {
            zero = shift(c, stripes.get(0), collected, actor);
        }
        return new Held(zero, total(tenant, currency, stripes));
    }

    /** After an operator change (every stripe locked): stripes above 0 are open exactly while the balance is not below zero. */
    static void seal(Connection c, Balance total) throws SQLException {
        boolean open = total.available().signum() >= 0;
        try (var update = c.prepareStatement("UPDATE liquidity_positions SET open = ? WHERE tenant_id = ? AND currency = ?"
                + " AND stripe > 0 AND open <> ?")) {
            update.setBoolean(1, open);
            update.setString(2, total.tenant().value());
            update.setString(3, total.currency());
            update.setBoolean(4, open);
            update.executeUpdate();
        }
    }

    /**
     * Every stripe row of the balance, locked in stripe order; empty when the balance has none. Stripe 0 is locked by a
     * statement of its own first: stripes are only created under its lock, so the second statement, whose snapshot is
     * taken after that lock is granted, sees every stripe.
     */
    static List<Stripe> lockAll(Connection c, TenantId tenant, String currency) throws SQLException {
        try (var select = c.prepareStatement("SELECT 1 FROM liquidity_positions WHERE tenant_id = ? AND currency = ? AND stripe = 0 FOR UPDATE")) {
            select.setString(1, tenant.value());
            select.setString(2, currency);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
            }
        }
        try (var select = c.prepareStatement("SELECT " + LedgerRows.BALANCE + ", stripe FROM liquidity_positions"
                + " WHERE tenant_id = ? AND currency = ? ORDER BY stripe FOR UPDATE")) {
            select.setString(1, tenant.value());
            select.setString(2, currency);
            var result = new ArrayList<Stripe>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new Stripe(rows.getInt("stripe"), LedgerRows.balance(rows)));
                }
            }
            return result;
        }
    }

    /** Creates the missing stripes above 0 with stripe 0's settings; run while holding stripe 0's lock. */
    static void create(Connection c, TenantId tenant, String currency) throws SQLException {
        try (var insert = c.prepareStatement("INSERT INTO liquidity_positions (tenant_id, currency, stripe, alarm_percent, max_per_transfer)"
                + " SELECT tenant_id, currency, s, alarm_percent, max_per_transfer FROM liquidity_positions, generate_series(1, ?) s"
                + " WHERE tenant_id = ? AND currency = ? AND stripe = 0 ON CONFLICT (tenant_id, currency, stripe) DO NOTHING")) {
            insert.setInt(1, COUNT - 1);
            insert.setString(2, tenant.value());
            insert.setString(3, currency);
            insert.executeUpdate();
        }
    }

    /** Moves {@code delta} of limit onto a locked stripe, journaled as REBALANCE on that stripe; its figures after. */
    static Balance shift(Connection c, Stripe s, BigDecimal delta, String actor) throws SQLException {
        return LedgerRows.moveAndJournal(c, s.figures().tenant(), s.figures().currency(), s.number(),
            new LedgerRows.Delta(delta, BigDecimal.ZERO, BigDecimal.ZERO), Operation.REBALANCE, "stripe " + s.number(), delta, actor)
            .orElseThrow();
    }

    /** The sums of locked stripes (stripe 0 first); an empty balance when there are none. */
    static Balance total(TenantId tenant, String currency, List<Stripe> stripes) {
        if (stripes.isEmpty()) {
            return Balance.empty(tenant, currency);
        }
        BigDecimal limit = BigDecimal.ZERO;
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (Stripe s : stripes) {
            limit = limit.add(s.figures().limit());
            position = position.add(s.figures().position());
            reserved = reserved.add(s.figures().reserved());
        }
        Balance zero = stripes.get(0).figures();
        return new Balance(tenant, currency, limit, position, reserved, zero.alarmPercent(), zero.maxPerTransfer());
    }
}
