package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.AuditTrail;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes the append-only audit log. Thread-safe. */
public final class JdbcAuditLog implements AuditTrail {

    private final Jdbc jdbc;

    public JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry) {
        jdbc.inTransaction("audit", connection -> {
            AuditWriter.append(connection, entry);
            return null;
        });
    }

    @Override
    public List<Record> recent(String tenantId, int limit) {
        return jdbc.read("read audit log", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT at, actor, action, detail::text AS detail FROM audit_log WHERE tenant_id = ? ORDER BY id DESC LIMIT ?")) {
                statement.setString(1, tenantId);
                statement.setInt(2, limit);
                var result = new ArrayList<Record>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(new Record(rows.getTimestamp("at").toInstant(), rows.getString("actor"), rows.getString("action"),
                            rows.getString("detail")));
                    }
                }
                return result;
            }
        });
    }
}
