package io.coregate.gateway.db;

import io.coregate.gateway.domain.ledger.BalanceObserver;
import io.coregate.gateway.domain.ledger.Ledger;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.Reservation;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Money;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The ledger in PostgreSQL. Each method of {@link Ledger} commits its change on its own; the public methods taking a
 * {@link Connection} do the same work inside the <em>caller's</em> transaction, so a transfer log can change its own
 * state and the liquidity in one commit: they throw the same refusals, and a refused reservation leaves nothing behind in
 * that transaction; the caller commits or rolls back, and tells the alarm itself if it wants to. A balance is kept as
 * stripe rows that are summed ({@link Stripes}): a reservation is one conditional {@code UPDATE ... WHERE limit -
 * position - reserved >= amount} on a free stripe whose own headroom suffices ({@code SKIP LOCKED}), so concurrent
 * sends of one hot account commit on different rows; when no free stripe has room, an exact path locks every stripe in
 * order and refuses exactly when the whole balance is short. Under any concurrency {@code available} never goes below
 * zero through a reservation. Post and void are each a single statement (stripe row, reservation and journal together)
 * run in auto-commit; reserve inserts the request (state NEW, which counts nowhere), then funds it in a single
 * statement (or the exact path's own transaction), or deletes it when refused. Every statement locks a reservation row
 * before stripe rows, and stripe rows in stripe order. Inside a caller's transaction the stripe row stays locked until
 * that transaction ends: callers keep it short (no remote calls between the ledger operation and the commit). The
 * observer hears of each committed change. Thread-safe.
 */
public final class JdbcLedger implements Ledger {

    private final Jdbc jdbc;
    private final BalanceObserver observer;

    public JdbcLedger(Jdbc jdbc, BalanceObserver observer) {
        this.jdbc = jdbc;
        this.observer = observer;
    }

    @Override
    public LedgerResult reserve(TenantId tenant, Money amount, String transferRef, Instant expiresAt) {
        return observed(jdbc.autoCommit("reserve liquidity", c -> reserve(c, tenant, amount, transferRef, expiresAt)));
    }

    @Override
    public LedgerResult post(TenantId tenant, String transferRef) {
        return observed(jdbc.autoCommit("post liquidity reservation", c -> post(c, tenant, transferRef)));
    }

    @Override
    public LedgerResult voidReservation(TenantId tenant, String transferRef) {
        return observed(jdbc.autoCommit("void liquidity reservation", c -> voidReservation(c, tenant, transferRef)));
    }

    @Override
    public LedgerResult inbound(TenantId tenant, Money amount, String transferRef) {
        return observed(jdbc.inTransaction("record inbound liquidity", c -> inbound(c, tenant, amount, transferRef)));
    }

    @Override
    public boolean markUncertain(TenantId tenant, String transferRef, boolean uncertain) {
        return jdbc.inTransaction("mark reservation uncertain", c -> markUncertain(c, tenant, transferRef, uncertain));
    }

    @Override
    public Optional<Reservation> reservation(TenantId tenant, String transferRef) {
        return jdbc.read("read reservation", c -> LedgerStatements.reservation(c, tenant, transferRef));
    }

    @Override
    public int expireDue(int batchSize) {
        return jdbc.inTransaction("expire reservations", c -> LedgerStatements.expireDue(c, batchSize));
    }

    /**
     * {@link Ledger#reserve} inside the caller's transaction. A refusal (4001, 4200) throws and leaves nothing behind in
     * that transaction, so the caller may record the refusal and commit.
     */
    public LedgerResult reserve(Connection connection, TenantId tenant, Money amount, String transferRef, Instant expiresAt)
            throws SQLException {
        return LedgerStatements.reserve(connection, tenant, amount, transferRef, expiresAt);
    }

    /** {@link Ledger#post} inside the caller's transaction. */
    public LedgerResult post(Connection connection, TenantId tenant, String transferRef) throws SQLException {
        return LedgerStatements.settle(connection, tenant, transferRef, true);
    }

    /** {@link Ledger#voidReservation} inside the caller's transaction. */
    public LedgerResult voidReservation(Connection connection, TenantId tenant, String transferRef) throws SQLException {
        return LedgerStatements.settle(connection, tenant, transferRef, false);
    }

    /** {@link Ledger#inbound} inside the caller's transaction. */
    public LedgerResult inbound(Connection connection, TenantId tenant, Money amount, String transferRef) throws SQLException {
        return LedgerStatements.inbound(connection, tenant, amount, transferRef);
    }

    /** {@link Ledger#markUncertain} inside the caller's transaction. */
    public boolean markUncertain(Connection connection, TenantId tenant, String transferRef, boolean uncertain) throws SQLException {
        return LedgerStatements.markUncertain(connection, tenant, transferRef, uncertain);
    }

    private LedgerResult observed(LedgerResult result) {
        if (result.applied()) {
            observer.observe(result.balance());
        }
        return result;
    }
}
