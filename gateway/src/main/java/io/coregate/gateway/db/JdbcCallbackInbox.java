package io.coregate.gateway.db;

import io.coregate.gateway.domain.cbs.CallbackInbox;
import io.coregate.gateway.domain.cbs.CallbackReading;
import io.coregate.gateway.domain.cbs.ReceivedCallback;
import io.coregate.gateway.domain.cbs.SettledCallback;
import io.coregate.gateway.domain.cbs.StoredCallback;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.TransactionStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored CBS callbacks in {@code cbs_callbacks}, read by name. Each write is one statement. Thread-safe. */
public final class JdbcCallbackInbox implements CallbackInbox {

    private final Jdbc jdbc;

    public JdbcCallbackInbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long store(TenantId tenant, ReceivedCallback callback) {
        return jdbc.autoCommit("store CBS callback", connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO cbs_callbacks (tenant_id, method, sub_path, body) VALUES (?, ?, ?, ?) RETURNING id")) {
                statement.setString(1, tenant.value());
                statement.setString(2, callback.method());
                statement.setString(3, callback.subPath());
                statement.setString(4, callback.body());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong("id");
                }
            }
        });
    }

    @Override
    public void interpret(TenantId tenant, long callbackId, CallbackReading reading) {
        jdbc.autoCommit("record CBS callback reading", connection -> {
            try (var statement = connection.prepareStatement("UPDATE cbs_callbacks SET interpreted_at = now(), reference = ?, state = ?,"
                    + " cbs_reference = ?, detail = ? WHERE tenant_id = ? AND id = ?")) {
                statement.setString(1, reading.reference().orElse(null));
                statement.setString(2, reading.state().map(Enum::name).orElse(null));
                statement.setString(3, reading.cbsReference().orElse(null));
                statement.setString(4, reading.detail().orElse(null));
                statement.setString(5, tenant.value());
                statement.setLong(6, callbackId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SettledCallback> settled(TenantId tenant, String reference) {
        return jdbc.read("find settling CBS callback", connection -> {
            try (var statement = connection.prepareStatement("SELECT id, reference, state, cbs_reference, received_at FROM cbs_callbacks"
                    + " WHERE tenant_id = ? AND reference = ? AND state IN ('COMPLETED', 'FAILED') ORDER BY id DESC LIMIT 1")) {
                statement.setString(1, tenant.value());
                statement.setString(2, reference);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SettledCallback(rows.getLong("id"), rows.getString("reference"),
                        TransactionStatus.State.valueOf(rows.getString("state")), TransferRows.optional(rows, "cbs_reference"),
                        rows.getTimestamp("received_at").toInstant()));
                }
            }
        });
    }

    @Override
    public List<StoredCallback> recent(TenantId tenant, int limit) {
        return jdbc.read("list CBS callbacks", connection -> {
            try (var statement = connection.prepareStatement("SELECT id, received_at, method, sub_path, left(body, ?) AS body, reference,"
                    + " state, cbs_reference, detail FROM cbs_callbacks WHERE tenant_id = ? ORDER BY id DESC LIMIT ?")) {
                statement.setInt(1, LISTED_BODY_CHARS);
                statement.setString(2, tenant.value());
                statement.setInt(3, limit);
                try (var rows = statement.executeQuery()) {
                    var found = new ArrayList<StoredCallback>();
                    while (rows.next()) {
                        found.add(stored(rows));
                    }
                    return found;
                }
            }
        });
    }

    private static StoredCallback stored(ResultSet rows) throws SQLException {
        var reading = new CallbackReading(TransferRows.optional(rows, "reference"),
            TransferRows.optional(rows, "state").map(TransactionStatus.State::valueOf), TransferRows.optional(rows, "cbs_reference"),
            TransferRows.optional(rows, "detail"));
        return new StoredCallback(rows.getLong("id"), rows.getTimestamp("received_at").toInstant(), rows.getString("method"),
            rows.getString("sub_path"), rows.getString("body"), reading);
    }
}
