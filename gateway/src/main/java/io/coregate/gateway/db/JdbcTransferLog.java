package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.ListedTransfer;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferEvent;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferQuery;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer log in PostgreSQL. Every state change is one transaction: the row is locked in its expected state,
 * updated, its journal entry appended, then the {@link StateChangeHook} runs on the same connection. Thread-safe.
 */
public final class JdbcTransferLog implements TransferLog {

    static final String KEY = " WHERE tenant_id = ? AND direction = ? AND transfer_id = ?";

    /** The fencing condition of a write: no fence given (a write under no lease), or the lease generation is the fence's. */
    private static final String FENCED = " AND (?::bigint IS NULL OR lease_generation = ?)";

    private final Jdbc jdbc;
    private final StateChangeHook hook;
    private final TransferQueries queries;

    public JdbcTransferLog(Jdbc jdbc, StateChangeHook hook) {
        this.jdbc = jdbc;
        this.hook = hook;
        this.queries = new TransferQueries(jdbc);
    }

    @Override
    public boolean insert(Transfer t, String detail, Duration lease) {
        return jdbc.autoCommit("insert transfer", connection -> TransferWrites.insertTransfer(connection, t, lease, detail));
    }

    @Override
    public Optional<Transfer> find(TenantId tenant, Direction direction, String transferId) {
        return jdbc.read("find transfer", connection -> queries.transfer(connection, tenant, direction, transferId, false));
    }

    @Override
    public Optional<Transfer> findOutboundByMojaloopId(TenantId tenant, String mojaloopTransferId) {
        return jdbc.read("find outbound transfer", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + TransferRows.TRANSFER_COLUMNS
                    + " FROM transfers WHERE tenant_id = ? AND direction = 'OUTBOUND' AND mojaloop_transfer_id = ?")) {
                statement.setString(1, tenant.value());
                statement.setString(2, mojaloopTransferId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(TransferRows.transfer(rows)) : Optional.<Transfer>empty();
                }
            }
        });
    }

    @Override
    public Optional<Fence> lease(TenantId tenant, Direction direction, String transferId, TransferState state, Duration lease) {
        return jdbc.autoCommit("lease transfer", connection -> {
            try (var statement = connection.prepareStatement("UPDATE transfers SET lease_until = clock_timestamp() + ? * interval '1 millisecond',"
                    + " lease_generation = lease_generation + 1" + KEY
                    + " AND state = ? AND (lease_until IS NULL OR lease_until < clock_timestamp()) RETURNING lease_generation")) {
                statement.setLong(1, lease.toMillis());
                setKey(statement, 2, tenant, direction, transferId);
                statement.setString(5, state.name());
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(new Fence(rows.getLong(1))) : Optional.<Fence>empty();
                }
            }
        });
    }

    @Override
    public void release(TenantId tenant, Direction direction, String transferId, Fence fence) {
        jdbc.inTransaction("release lease", connection -> {
            try (var statement = connection.prepareStatement("UPDATE transfers SET lease_until = NULL" + KEY + " AND lease_generation = ?")) {
                setKey(statement, 1, tenant, direction, transferId);
                statement.setLong(4, fence.generation());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean leaseFree(TenantId tenant, Direction direction, String transferId) {
        return jdbc.read("read lease", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT lease_until IS NULL OR lease_until < clock_timestamp() FROM transfers" + KEY)) {
                setKey(statement, 1, tenant, direction, transferId);
                try (var rows = statement.executeQuery()) {
                    return !rows.next() || rows.getBoolean(1);
                }
            }
        });
    }

    @Override
    public Optional<Transfer> change(TenantId tenant, Direction direction, String transferId, StateChange change) {
        return jdbc.inTransaction("change transfer state", connection -> apply(connection, tenant, direction, transferId, change));
    }

    @Override
    public Optional<Transfer> resolve(TenantId tenant, Direction direction, String transferId, StateChange change, String actor,
                                      String reason) {
        return jdbc.inTransaction("resolve transfer", connection -> {
            try (var statement = connection.prepareStatement("SELECT 1 FROM transfers" + KEY
                    + " AND (lease_until IS NULL OR lease_until < clock_timestamp()) FOR UPDATE")) {
                setKey(statement, 1, tenant, direction, transferId);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Transfer>empty();
                    }
                }
            }
            try (var statement = connection.prepareStatement("UPDATE transfers SET lease_generation = lease_generation + 1" + KEY)) {
                setKey(statement, 1, tenant, direction, transferId);
                statement.executeUpdate();
            }
            Optional<Transfer> after = apply(connection, tenant, direction, transferId, change);
            if (after.isPresent()) {
                AuditWriter.append(connection, new AuditEntry(tenant.value(), actor, "transfer.resolve",
                    Map.of("transferId", transferId, "direction", direction.name(), "outcome", change.to().name(), "reason", reason)));
            }
            return after;
        });
    }

    /**
     * One conditional {@code UPDATE ... WHERE state = from RETURNING}: it locks the row, proves the state the change
     * starts from (a concurrent change that got there first makes it match nothing) and, for a fenced change, that no
     * other caller has leased the transfer since (the lease generation is still the fence's), and returns the transfer
     * after it. Then the journal entry and the hook, under that lock.
     */
    private Optional<Transfer> apply(Connection connection, TenantId tenant, Direction direction, String transferId, StateChange change)
            throws SQLException {
        Optional<Transfer> after;
        try (var statement = connection.prepareStatement("""
                UPDATE transfers SET state = ?, target_state = ?, cbs_reference = COALESCE(?, cbs_reference),
                       answer = COALESCE(?::jsonb, answer), last_error = COALESCE(?, last_error), attempts = ?, next_retry_at = ?,
                       lease_until = CASE WHEN ? THEN lease_until END, updated_at = clock_timestamp()""" + KEY + " AND state = ?"
                + FENCED + " RETURNING " + TransferRows.TRANSFER_COLUMNS)) {
            statement.setString(1, change.to().name());
            statement.setString(2, change.targetState().map(Enum::name).orElse(null));
            statement.setString(3, change.cbsReference().orElse(null));
            statement.setString(4, change.answer().map(AnswerColumns::write).orElse(null));
            statement.setString(5, change.lastError().orElse(null));
            statement.setInt(6, change.attempts());
            statement.setTimestamp(7, change.nextRetryAt().map(TransferRows::timestamp).orElse(null));
            statement.setBoolean(8, change.keepLease());
            setKey(statement, 9, tenant, direction, transferId);
            statement.setString(12, change.from().name());
            setFence(statement, 13, change.fence());
            try (var rows = statement.executeQuery()) {
                after = rows.next() ? Optional.of(TransferRows.transfer(rows)) : Optional.empty();
            }
        }
        if (after.isPresent()) {
            TransferWrites.appendEvent(connection, tenant, direction, transferId, Optional.of(change.from()), change.to(),
                change.cbsReference(), change.detail());
            hook.apply(connection, change.from(), after.get());
        }
        return after;
    }

    @Override
    public void recordRetry(TenantId tenant, Direction direction, String transferId, Fence fence, int attempts,
                            Optional<Instant> nextRetryAt, String detail) {
        jdbc.inTransaction("record retry", connection -> {
            try (var statement = connection.prepareStatement("UPDATE transfers SET attempts = ?, next_retry_at = ?, last_error = ?, "
                    + "lease_until = NULL, updated_at = clock_timestamp()" + KEY + " AND state = 'RECONCILE'" + FENCED)) {
                statement.setInt(1, attempts);
                statement.setTimestamp(2, nextRetryAt.map(TransferRows::timestamp).orElse(null));
                statement.setString(3, detail);
                setKey(statement, 4, tenant, direction, transferId);
                setFence(statement, 7, Optional.of(fence));
                if (statement.executeUpdate() == 1) {
                    TransferWrites.appendEvent(connection, tenant, direction, transferId, Optional.of(TransferState.RECONCILE),
                        TransferState.RECONCILE, Optional.empty(), detail);
                }
            }
            return null;
        });
    }

    private static void setFence(java.sql.PreparedStatement statement, int first, Optional<Fence> fence) throws SQLException {
        if (fence.isPresent()) {
            statement.setLong(first, fence.get().generation());
            statement.setLong(first + 1, fence.get().generation());
        } else {
            statement.setNull(first, java.sql.Types.BIGINT);
            statement.setNull(first + 1, java.sql.Types.BIGINT);
        }
    }

    static void setKey(java.sql.PreparedStatement statement, int first, TenantId tenant, Direction direction, String transferId)
            throws SQLException {
        statement.setString(first, tenant.value());
        statement.setString(first + 1, direction.name());
        statement.setString(first + 2, transferId);
    }

    @Override
    public List<TransferEvent> journal(TenantId tenant, Direction direction, String transferId) {
        return queries.journal(tenant, direction, transferId);
    }

    @Override
    public List<ListedTransfer> list(TenantId tenant, TransferQuery query) {
        return queries.list(tenant, query);
    }

    @Override
    public List<Transfer> dueForRetry(Instant now, int limit) {
        return queries.where("state = 'RECONCILE' AND direction = 'INBOUND' AND target_state IS NOT NULL AND next_retry_at <= ?"
            + " ORDER BY next_retry_at LIMIT ?", now, limit);
    }

    @Override
    public List<Transfer> staleReserved(Instant cutoff, int limit) {
        return queries.where("state = 'RESERVED' AND direction = 'INBOUND' AND expires_at < ? ORDER BY expires_at LIMIT ?", cutoff, limit);
    }

    @Override
    public Map<TenantId, Long> reconcileCounts() {
        return queries.countsIn("RECONCILE");
    }

    @Override
    public Map<TenantId, Long> uncertainCounts() {
        return queries.countsIn("UNCERTAIN");
    }
}
