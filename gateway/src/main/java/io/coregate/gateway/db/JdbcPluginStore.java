package io.coregate.gateway.db;

import io.coregate.gateway.domain.plugin.PluginStore;
import io.coregate.gateway.domain.tenant.AuditEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plugin jars in the {@code plugin_store} table under tenant {@code '*'}. Thread-safe. */
public final class JdbcPluginStore implements PluginStore {

    private final Jdbc jdbc;

    public JdbcPluginStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean save(StoredJar jar, byte[] content, AuditEntry audit) {
        return jdbc.inTransaction("store plugin jar", connection -> {
            boolean stored;
            try (var statement = connection.prepareStatement("""
                    INSERT INTO plugin_store (tenant_id, sha256, plugin_id, version, size_bytes, content, uploaded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, sha256) DO NOTHING""")) {
                statement.setString(1, AuditEntry.GLOBAL);
                statement.setString(2, jar.sha256());
                statement.setString(3, jar.pluginId());
                statement.setString(4, jar.version());
                statement.setLong(5, jar.size());
                statement.setBytes(6, content);
                statement.setString(7, audit.actor());
                stored = statement.executeUpdate() == 1;
            }
            AuditWriter.append(connection, audit);
            return stored;
        });
    }

    @Override
    public List<StoredJar> list() {
        return jdbc.read("list plugin jars", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT sha256, plugin_id, version, size_bytes FROM plugin_store WHERE tenant_id = ? ORDER BY uploaded_at, sha256")) {
                statement.setString(1, AuditEntry.GLOBAL);
                var result = new ArrayList<StoredJar>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(new StoredJar(rows.getString("sha256"), rows.getString("plugin_id"), rows.getString("version"),
                            rows.getLong("size_bytes")));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public boolean delete(String sha256, AuditEntry audit) {
        return jdbc.inTransaction("delete plugin jar", connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM plugin_store WHERE tenant_id = ? AND sha256 = ?")) {
                statement.setString(1, AuditEntry.GLOBAL);
                statement.setString(2, sha256);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditWriter.append(connection, audit);
            return true;
        });
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        return jdbc.read("read plugin jar", connection -> {
            try (var statement = connection.prepareStatement("SELECT content FROM plugin_store WHERE tenant_id = ? AND sha256 = ?")) {
                statement.setString(1, AuditEntry.GLOBAL);
                statement.setString(2, sha256);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void audit(AuditEntry entry) {
        jdbc.inTransaction("audit plugin upload", connection -> {
            AuditWriter.append(connection, entry);
            return null;
        });
    }
}
