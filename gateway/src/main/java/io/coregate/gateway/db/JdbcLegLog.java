package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.plugin.api.Leg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code transfer_legs} table: each write is one transaction with a journal entry in {@code transfer_events}
 * naming the leg, its key, attempt and state (the transfer's own state is repeated as from and to). Thread-safe.
 */
public final class JdbcLegLog implements LegLog {

    private static final String COLUMNS = "tenant_id, direction, transfer_id, leg, leg_key, state, attempts, cbs_reference, last_error, "
        + "next_check_at, updated_at";
    private static final String LEG_KEY = JdbcTransferLog.KEY + " AND leg = ?";

    private final Jdbc jdbc;

    public JdbcLegLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Intent intend(TenantId tenant, Direction direction, String transferId, Leg leg, String key, Instant nextCheckAt,
                         boolean again) {
        return jdbc.inTransaction("record leg intent", connection -> {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO transfer_legs (tenant_id, direction, transfer_id, leg, leg_key, state, attempts, next_check_at)
                    VALUES (?, ?, ?, ?, ?, 'INTENDED', 1, ?)
                    ON CONFLICT (tenant_id, direction, transfer_id, leg) DO UPDATE
                       SET state = 'INTENDED', attempts = transfer_legs.attempts + 1, next_check_at = EXCLUDED.next_check_at,
                           updated_at = clock_timestamp()
                     WHERE transfer_legs.state = 'FAILED' OR (? AND transfer_legs.state IN ('INTENDED', 'UNKNOWN'))
                    RETURNING\s""" + COLUMNS)) {
                JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
                statement.setString(4, leg.name());
                statement.setString(5, key);
                statement.setTimestamp(6, TransferRows.timestamp(nextCheckAt));
                statement.setBoolean(7, again);
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        LegRecord written = leg(rows);
                        journal(connection, written, "leg " + leg + " " + key + ": INTENDED (attempt " + written.attempts() + ")");
                        return new Intent(written, true);
                    }
                }
            }
            return new Intent(one(connection, tenant, direction, transferId, leg).orElseThrow(), false);
        });
    }

    @Override
    public boolean record(TenantId tenant, Direction direction, String transferId, Leg leg, LegState from, LegState to,
                          Optional<String> cbsReference, Optional<String> error, Optional<Instant> nextCheckAt) {
        return jdbc.inTransaction("record leg outcome", connection -> {
            try (var statement = connection.prepareStatement("UPDATE transfer_legs SET state = ?, cbs_reference = ?, last_error = ?, "
                    + "next_check_at = ?, updated_at = clock_timestamp()" + LEG_KEY + " AND state = ? RETURNING " + COLUMNS)) {
                statement.setString(1, to.name());
                statement.setString(2, cbsReference.orElse(null));
                statement.setString(3, error.orElse(null));
                statement.setTimestamp(4, nextCheckAt.map(TransferRows::timestamp).orElse(null));
                JdbcTransferLog.setKey(statement, 5, tenant, direction, transferId);
                statement.setString(8, leg.name());
                statement.setString(9, from.name());
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    LegRecord written = leg(rows);
                    if (from != to) {
                        journal(connection, written, "leg " + leg + " " + written.key() + ": " + from + " -> " + to
                            + cbsReference.map(r -> " (" + r + ")").orElse("") + error.map(e -> ": " + e).orElse(""));
                    }
                    return true;
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
            rows.getTimestamp("updated_at").toInstant());
    }

    /** A journal entry for a leg: the transfer's state unchanged, the leg named in the detail. */
    private static void journal(Connection connection, LegRecord leg, String detail) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO transfer_events (tenant_id, direction, transfer_id, seq, from_state, to_state, cbs_reference, detail)
                SELECT t.tenant_id, t.direction, t.transfer_id,
                       (SELECT COALESCE(MAX(seq), 0) + 1 FROM transfer_events e
                         WHERE e.tenant_id = t.tenant_id AND e.direction = t.direction AND e.transfer_id = t.transfer_id),
                       t.state, t.state, ?, ?
                  FROM transfers t""" + JdbcTransferLog.KEY.replace("tenant_id", "t.tenant_id").replace("direction", "t.direction")
                .replace("transfer_id", "t.transfer_id"))) {
            statement.setString(1, leg.cbsReference().orElse(null));
            statement.setString(2, detail);
            JdbcTransferLog.setKey(statement, 3, leg.tenant(), leg.direction(), leg.transferId());
            statement.executeUpdate();
        }
    }
}
