package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.ListedTransfer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferEvent;
import io.coregate.gateway.domain.transfer.TransferQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The transfer log's reads. Thread-safe. */
final class TransferQueries {

    private final Jdbc jdbc;

    TransferQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Transfer> transfer(Connection connection, TenantId tenant, Direction direction, String transferId, boolean lock)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + TransferRows.TRANSFER_COLUMNS
                + " FROM transfers WHERE tenant_id = ? AND direction = ? AND transfer_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(TransferRows.transfer(rows)) : Optional.empty();
            }
        }
    }

    List<TransferEvent> journal(TenantId tenant, Direction direction, String transferId) {
        return jdbc.read("read transfer journal", connection -> {
            try (var statement = connection.prepareStatement("SELECT seq, at, from_state, to_state, cbs_reference, detail FROM transfer_events"
                    + " WHERE tenant_id = ? AND direction = ? AND transfer_id = ? ORDER BY seq")) {
                JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
                var events = new ArrayList<TransferEvent>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(TransferRows.event(rows));
                    }
                }
                return events;
            }
        });
    }

    List<ListedTransfer> list(TenantId tenant, TransferQuery query) {
        var sql = new StringBuilder("SELECT " + TransferRows.TRANSFER_COLUMNS + ", mojaloop_transfer_id FROM transfers WHERE tenant_id = ?");
        var params = new ArrayList<Object>();
        params.add(tenant.value());
        query.state().ifPresent(s -> {
            sql.append(" AND state = ?");
            params.add(s.name());
        });
        query.direction().ifPresent(d -> {
            sql.append(" AND direction = ?");
            params.add(d.name());
        });
        query.from().ifPresent(f -> {
            sql.append(" AND created_at >= ?");
            params.add(TransferRows.timestamp(f));
        });
        query.to().ifPresent(t -> {
            sql.append(" AND created_at < ?");
            params.add(TransferRows.timestamp(t));
        });
        query.id().ifPresent(id -> {
            sql.append(" AND (transfer_id = ? OR mojaloop_transfer_id = ? OR home_transaction_id = ?)");
            params.addAll(List.of(id, id, id));
        });
        sql.append(" ORDER BY created_at DESC, transfer_id LIMIT ?");
        params.add(query.limit());
        return jdbc.read("list transfers", connection -> {
            try (var statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                var result = new ArrayList<ListedTransfer>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(new ListedTransfer(TransferRows.transfer(rows), TransferRows.optional(rows, "mojaloop_transfer_id")));
                    }
                }
                return result;
            }
        });
    }

    List<Transfer> where(String condition, Instant at, int limit) {
        return jdbc.read("find open transfers", connection -> rows(connection, "SELECT " + TransferRows.TRANSFER_COLUMNS
            + " FROM transfers WHERE " + condition, List.of(TransferRows.timestamp(at), limit)));
    }

    private static List<Transfer> rows(Connection connection, String sql, List<Object> params) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            var result = new ArrayList<Transfer>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(TransferRows.transfer(rows));
                }
            }
            return result;
        }
    }

    Map<TenantId, Long> countsIn(String state) {
        return jdbc.read("count " + state + " transfers", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT tenant_id, count(*) AS transfers FROM transfers WHERE state = ? GROUP BY tenant_id")) {
                statement.setString(1, state);
                return counts(statement);
            }
        });
    }

    private static Map<TenantId, Long> counts(PreparedStatement statement) throws SQLException {
        try (var rows = statement.executeQuery()) {
            var counts = new HashMap<TenantId, Long>();
            while (rows.next()) {
                counts.put(new TenantId(rows.getString("tenant_id")), rows.getLong("transfers"));
            }
            return counts;
        }
    }
}
