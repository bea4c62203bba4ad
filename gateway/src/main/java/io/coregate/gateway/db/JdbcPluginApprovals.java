package io.coregate.gateway.db;

import io.coregate.gateway.domain.plugin.PluginApprovals;
import io.coregate.gateway.domain.tenant.AuditEntry;

import java.util.ArrayList;
import java.util.List;

/** Approved plugin checksums in the {@code plugin_approvals} table under tenant {@code '*'}. Thread-safe. */
public final class JdbcPluginApprovals implements PluginApprovals {

    private final Jdbc jdbc;

    public JdbcPluginApprovals(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean approve(String sha256, String note, AuditEntry audit) {
        return jdbc.inTransaction("approve plugin jar", connection -> {
            boolean added;
            try (var statement = connection.prepareStatement("""
                    INSERT INTO plugin_approvals (tenant_id, sha256, note, approved_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, sha256) DO NOTHING""")) {
                statement.setString(1, AuditEntry.GLOBAL);
                statement.setString(2, sha256);
                statement.setString(3, note);
                statement.setString(4, audit.actor());
                added = statement.executeUpdate() == 1;
            }
            AuditWriter.append(connection, audit);
            return added;
        });
    }

    @Override
    public boolean revoke(String sha256, AuditEntry audit) {
        return jdbc.inTransaction("revoke plugin approval", connection -> {
            boolean removed;
            try (var statement = connection.prepareStatement("DELETE FROM plugin_approvals WHERE tenant_id = ? AND sha256 = ?")) {
                statement.setString(1, AuditEntry.GLOBAL);
                statement.setString(2, sha256);
                removed = statement.executeUpdate() == 1;
            }
            AuditWriter.append(connection, audit);
            return removed;
        });
    }

    @Override
    public List<Approval> list() {
        return jdbc.read("list plugin approvals", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT sha256, note, approved_by, approved_at FROM plugin_approvals WHERE tenant_id = ? ORDER BY approved_at, sha256")) {
                statement.setString(1, AuditEntry.GLOBAL);
                var result = new ArrayList<Approval>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(new Approval(rows.getString("sha256"), rows.getString("note"), rows.getString("approved_by"),
                            rows.getTimestamp("approved_at").toInstant()));
                    }
                }
                return result;
            }
        });
    }
}
