package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Leg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code transfer_legs} table: each write that changes a leg's state is one statement that also appends its entry
 * to the append-only {@code leg_events} (from, to, attempt, reference, detail). Thread-safe.
 */
public final class JdbcLegLog implements LegLog {

    private static final String COLUMNS = "tenant_id, direction, transfer_id, leg, leg_key, state, attempts, cbs_reference, last_error, "
        + "next_check_at, updated_at, created_at";
    private static final String PREFIXED = "l." + COLUMNS.replace(", ", ", l.");
    private static final String LEG_KEY = JdbcTransferLog.KEY + " AND leg = ?";

    private final Jdbc jdbc;

    public JdbcLegLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /*
     * Each write is one statement in auto-commit: the leg's change and its leg_events entry in one data-modifying WITH,
     * which PostgreSQL runs atomically. One round trip per write keeps the hot path short.
     */

    @Override
    public Intent intend(TenantId tenant, Direction direction, String transferId, Leg leg, String key, Instant nextCheckAt,
                         boolean again) {
        return jdbc.autoCommit("record leg intent", connection -> {
            try (var statement = connection.prepareStatement("""
                    WITH w AS (
                        INSERT INTO transfer_legs (tenant_id, direction, transfer_id, leg, leg_key, state, attempts, next_check_at)
                        VALUES (?, ?, ?, ?, ?, 'INTENDED', 1, ?)
                        ON CONFLICT (tenant_id, direction, transfer_id, leg) DO UPDATE
                           SET state = 'INTENDED', attempts = transfer_legs.attempts + 1, next_check_at = EXCLUDED.next_check_at,
                               updated_at = clock_timestamp()
                         WHERE transfer_legs.state = 'FAILED' OR (? AND transfer_legs.state IN ('INTENDED', 'UNKNOWN'))
                        RETURNING\s""" + COLUMNS + """
                    ), e AS (
                        INSERT INTO leg_events (tenant_id, direction, transfer_id, leg, from_state, to_state, attempt, detail)
                        SELECT tenant_id, direction, transfer_id, leg, NULL, state, attempts, 'written before the call, key ' || leg_key
                          FROM w
                    )
                    SELECT\s""" + COLUMNS + " FROM w")) {
                JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
                statement.setString(4, leg.name());
                statement.setString(5, key);
                statement.setTimestamp(6, TransferRows.timestamp(nextCheckAt));
                statement.setBoolean(7, again);
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return new Intent(leg(rows), true);
                    }
                }
            }
            return new Intent(one(connection, tenant, direction, transferId, leg).orElseThrow(), false);
        });
    }

    @Override
    public boolean record(TenantId tenant, Direction direction, String transferId, Leg leg, LegState from, LegState to,
                          Optional<String> cbsReference, Optional<String> error, Optional<Instant> nextCheckAt) {
        return jdbc.autoCommit("record leg outcome", connection -> {
            try (var statement = connection.prepareStatement("""
                    WITH w AS (
                        UPDATE transfer_legs SET state = ?, cbs_reference = ?, last_error = ?, next_check_at = ?,
                               updated_at = clock_timestamp()""" + LEG_KEY + " AND state = ? RETURNING " + COLUMNS + """
                    ), e AS (
                        INSERT INTO leg_events (tenant_id, direction, transfer_id, leg, from_state, to_state, attempt, cbs_reference, detail)
                        SELECT tenant_id, direction, transfer_id, leg, ?, state, attempts, cbs_reference, ? FROM w WHERE state <> ?
                    )
                    SELECT count(*) FROM w""")) {
                statement.setString(1, to.name());
                statement.setString(2, cbsReference.orElse(null));
                statement.setString(3, error.orElse(null));
                statement.setTimestamp(4, nextCheckAt.map(TransferRows::timestamp).orElse(null));
                JdbcTransferLog.setKey(statement, 5, tenant, direction, transferId);
                statement.setString(8, leg.name());
                statement.setString(9, from.name());
                statement.setString(10, from.name());
                statement.setString(11, error.orElse(""));
                statement.setString(12, from.name());
                try (var rows = statement.executeQuery()) {
                    return rows.next() && rows.getLong(1) == 1;
                }
            }
        });
    }

    @Override
    public Optional<LegRecord> find(TenantId tenant, Direction direction, String transferId, Leg leg) {
        return jdbc.read("find leg", connection -> one(connection, tenant, direction, transferId, leg));
    }

    @Override
    public List<LegRecord> of(TenantId tenant, Direction direction, String transferId) {
        return jdbc.read("list legs", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM transfer_legs" + JdbcTransferLog.KEY
                    + " ORDER BY created_at")) {
                JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
                return all(statement.executeQuery());
            }
        });
    }

    @Override
    public List<LegRecord> due(Direction direction, Instant now, int limit) {
        return jdbc.read("find due legs", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM transfer_legs WHERE state IN ('INTENDED', "
                    + "'PENDING', 'UNKNOWN') AND next_check_at <= ? AND direction = ? ORDER BY next_check_at LIMIT ?")) {
                statement.setTimestamp(1, TransferRows.timestamp(now));
                statement.setString(2, direction.name());
                statement.setInt(3, limit);
                return all(statement.executeQuery());
            }
        });
    }

    @Override
    public List<LegRecord> stranded(Direction direction, TransferState state, Set<Leg> legs, int limit) {
        return jdbc.read("find stranded legs", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + PREFIXED + " FROM transfer_legs l JOIN transfers t"
                    + " ON t.tenant_id = l.tenant_id AND t.direction = l.direction AND t.transfer_id = l.transfer_id"
                    + " WHERE l.direction = ? AND l.state IN ('BOOKED', 'FAILED') AND l.leg = ANY (?) AND t.state = ?"
                    + " AND (t.lease_until IS NULL OR t.lease_until < clock_timestamp()) ORDER BY l.updated_at LIMIT ?")) {
                statement.setString(1, direction.name());
                statement.setArray(2, connection.createArrayOf("text", legs.stream().map(Leg::name).toArray()));
                statement.setString(3, state.name());
                statement.setInt(4, limit);
                return all(statement.executeQuery());
            }
        });
    }

    private static Optional<LegRecord> one(Connection connection, TenantId tenant, Direction direction, String transferId, Leg leg)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM transfer_legs" + LEG_KEY)) {
            JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
            statement.setString(4, leg.name());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(leg(rows)) : Optional.empty();
            }
        }
    }

    private static List<LegRecord> all(ResultSet rows) throws SQLException {
        try (rows) {
            var found = new ArrayList<LegRecord>();
            while (rows.next()) {
                found.add(leg(rows));
            }
            return found;
        }
    }

    private static LegRecord leg(ResultSet rows) throws SQLException {
        return new LegRecord(new TenantId(rows.getString("tenant_id")), Direction.valueOf(rows.getString("direction")),
            rows.getString("transfer_id"), Leg.valueOf(rows.getString("leg")), rows.getString("leg_key"),
            LegState.valueOf(rows.getString("state")), rows.getInt("attempts"), TransferRows.optional(rows, "cbs_reference"),
            TransferRows.optional(rows, "last_error"), TransferRows.instant(rows.getTimestamp("next_check_at")),
            rows.getTimestamp("updated_at").toInstant(), rows.getTimestamp("created_at").toInstant());
    }
}
