package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDocumentBody;
import io.coregate.gateway.domain.tenant.TenantDocuments;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantRepository;
import io.coregate.gateway.domain.tenant.TenantDocument;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenants in the {@code tenants} table; every write records its audit entry in the same transaction. */
public final class JdbcTenantRepository implements TenantRepository {

    private static final String COLUMNS = "tenant_id, document::text AS document, enabled, revision, updated_at";
    private final Jdbc jdbc;

    public JdbcTenantRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return jdbc.read("find tenant", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE tenant_id = ?")) {
                statement.setString(1, id.value());
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(tenant(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Tenant> findAll() {
        return jdbc.read("list tenants", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM tenants ORDER BY tenant_id");
                 var rows = statement.executeQuery()) {
                var result = new ArrayList<Tenant>();
                while (rows.next()) {
                    result.add(tenant(rows));
                }
                return result;
            }
        });
    }

    @Override
    public String fingerprint() {
        return jdbc.read("tenant fingerprint", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(updated_at)::text, '') FROM tenants");
                 var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @Override
    public Saved save(TenantId id, TenantDocument document, AuditEntry audit) {
        return jdbc.inTransaction("save tenant", connection -> {
            boolean created;
            try (var statement = connection.prepareStatement("""
                    INSERT INTO tenants (tenant_id, document) VALUES (?, ?::jsonb)
                    ON CONFLICT (tenant_id) DO UPDATE
                       SET document = EXCLUDED.document, enabled = true,
                           revision = tenants.revision + 1, updated_at = now()
                    RETURNING (xmax = 0)""")) {
                statement.setString(1, id.value());
                statement.setString(2, JsonColumns.write(document.canonical()));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    created = rows.getBoolean(1);
                }
            }
            AuditWriter.append(connection, audit);
            return new Saved(load(connection, id), created);
        });
    }

    @Override
    public boolean createIfMissing(TenantId id, TenantDocument document, AuditEntry audit) {
        return jdbc.inTransaction("bootstrap tenant", connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO tenants (tenant_id, document) VALUES (?, ?::jsonb) ON CONFLICT (tenant_id) DO NOTHING")) {
                statement.setString(1, id.value());
                statement.setString(2, JsonColumns.write(document.canonical()));
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditWriter.append(connection, audit);
            return true;
        });
    }

    @Override
    public boolean disable(TenantId id, AuditEntry audit) {
        return jdbc.inTransaction("disable tenant", connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE tenants SET enabled = false, revision = revision + 1, updated_at = now() WHERE tenant_id = ? AND enabled")) {
                statement.setString(1, id.value());
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditWriter.append(connection, audit);
            return true;
        });
    }

    private static Tenant load(Connection connection, TenantId id) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE tenant_id = ?")) {
            statement.setString(1, id.value());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return tenant(rows);
            }
        }
    }

    private static Tenant tenant(ResultSet rows) throws SQLException {
        return new Tenant(
            new TenantId(rows.getString("tenant_id")),
            TenantDocuments.of(JsonColumns.read(rows.getString("document"), TenantDocumentBody.class)),
            rows.getBoolean("enabled"),
            rows.getLong("revision"),
            rows.getTimestamp("updated_at").toInstant());
    }
}
