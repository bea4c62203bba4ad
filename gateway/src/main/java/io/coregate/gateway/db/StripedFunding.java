package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;

/**
 * How a NEW reservation request is funded from a striped balance ({@link Stripes}): {@link #quickly} from one stripe,
 * else {@link #exactly} under every stripe's lock. Both leave nothing behind when they fund nothing. Stateless.
 */
final class StripedFunding {

    private StripedFunding() {
    }

    /**
     * A free stripe with room, else the reference's own stripe once it is free. In a caller's transaction each attempt
     * runs under a savepoint of its own, rolled back when it reserved nothing: a stripe the statement locked but then
     * found without room (its recheck) must not stay locked while the next attempt waits for a stripe, nor into the
     * exact path, which locks stripes in order only. Otherwise a waiting attempt could hold one stripe while waiting for
     * another, and deadlock with the exact path.
     */
    static Optional<Balance> quickly(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref, String actor)
            throws SQLException {
        Optional<Balance> reserved = attempt(c, tenant, currency, amount, ref, true, actor);
        return reserved.isPresent() ? reserved : attempt(c, tenant, currency, amount, ref, false, actor);
    }

    private static Optional<Balance> attempt(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref,
                                             boolean skipLocked, String actor) throws SQLException {
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        Optional<Balance> reserved = ReservationSql.reserve(c, tenant, currency, amount, ref, skipLocked, actor);
        if (savepoint != null) {
            if (reserved.isEmpty()) {
                c.rollback(savepoint);
            } else {
                c.releaseSavepoint(savepoint);
            }
        }
        return reserved;
    }

    /** The exact path in a transaction of its own, or under a savepoint of the caller's, rolled back when refused. */
    static Optional<Balance> exactly(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref, String actor)
            throws SQLException {
        if (!c.getAutoCommit()) {
            Savepoint savepoint = c.setSavepoint();
            Optional<Balance> result = reserve(c, tenant, currency, amount, ref, actor);
            if (result.isEmpty()) {
                c.rollback(savepoint);
            } else {
                c.releaseSavepoint(savepoint);
            }
            return result;
        }
        c.setAutoCommit(false);
        try {
            Optional<Balance> result = reserve(c, tenant, currency, amount, ref, actor);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The exact path of a reservation, inside a transaction: locks the NEW request, then every stripe in order; when
     * the whole balance fits the amount (and the maximum), spreads the remaining headroom evenly over all stripes,
     * reserves on stripe 0 and makes the request PENDING. Empty, changing nothing, when there is no such NEW request,
     * no balance, or no room.
     */
    private static Optional<Balance> reserve(Connection c, TenantId tenant, String currency, BigDecimal amount, String ref, String actor)
            throws SQLException {
        try (var select = c.prepareStatement("SELECT 1 FROM liquidity_reservations WHERE tenant_id = ? AND transfer_ref = ?"
                + " AND state = 'NEW' AND currency = ? AND amount = ? FOR UPDATE")) {
            select.setString(1, tenant.value());
            select.setString(2, ref);
            select.setString(3, currency);
            select.setBigDecimal(4, amount);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
            }
        }
        List<Stripes.Stripe> stripes = Stripes.lockAll(c, tenant, currency);
        if (stripes.isEmpty()) {
            return Optional.empty();
        }
        Balance total = Stripes.total(tenant, currency, stripes);
        boolean aboveMax = total.maxPerTransfer().isPresent() && total.maxPerTransfer().get().compareTo(amount) < 0;
        if (aboveMax || total.available().compareTo(amount) < 0) {
            return Optional.empty();
        }
        if (stripes.size() < Stripes.COUNT) {
            Stripes.create(c, tenant, currency);
            stripes = Stripes.lockAll(c, tenant, currency);
        }
        BigDecimal rest = total.available().subtract(amount);
        BigDecimal share = rest.divide(BigDecimal.valueOf(Stripes.COUNT), Math.max(rest.scale(), 0), RoundingMode.DOWN);
        BigDecimal first = rest.subtract(share.multiply(BigDecimal.valueOf(Stripes.COUNT - 1L))).add(amount);
        for (Stripes.Stripe s : stripes) {
            BigDecimal delta = (s.number() == 0 ? first : share).subtract(s.figures().available());
            if (delta.signum() != 0) {
                Stripes.shift(c, s, delta, actor);
            }
        }
        try (var update = c.prepareStatement("UPDATE liquidity_positions SET open = true WHERE tenant_id = ? AND currency = ? AND NOT open")) {
            update.setString(1, tenant.value());
            update.setString(2, currency);
            update.executeUpdate();
        }
        LedgerRows.moveAndJournal(c, tenant, currency, 0, new LedgerRows.Delta(BigDecimal.ZERO, BigDecimal.ZERO, amount),
            Operation.RESERVE, ref, amount, actor).orElseThrow();
        try (var update = c.prepareStatement("UPDATE liquidity_reservations SET state = 'PENDING', stripe = 0, updated_at = now()"
                + " WHERE tenant_id = ? AND transfer_ref = ?")) {
            update.setString(1, tenant.value());
            update.setString(2, ref);
            update.executeUpdate();
        }
        return LedgerRows.read(c, tenant, currency);
    }
}
