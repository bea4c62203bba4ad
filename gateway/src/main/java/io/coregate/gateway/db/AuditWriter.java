package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.AuditEntry;

import java.sql.Connection;
import java.sql.SQLException;

/** Appends audit entries inside the caller's transaction, so a change and its record commit together. */
public final class AuditWriter {

    private AuditWriter() {
    }

    /** Appends one entry on the given connection. */
    public static void append(Connection connection, AuditEntry entry) throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO audit_log (tenant_id, actor, action, detail) VALUES (?, ?, ?, ?::jsonb)")) {
            statement.setString(1, entry.tenantId());
            statement.setString(2, entry.actor());
            statement.setString(3, entry.action());
            statement.setString(4, JsonColumns.write(entry.detail()));
            statement.executeUpdate();
        }
    }
}
