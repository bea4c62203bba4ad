package io.coregate.gateway.db;

import io.coregate.gateway.domain.access.ApiKeyRepository;
import io.coregate.gateway.domain.access.ApiKeyScope;
import io.coregate.gateway.domain.access.StoredApiKey;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys in the {@code api_keys} table (hashes only); writes record their audit entry in the same transaction. Thread-safe. */
public final class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS = "tenant_id, key_id, hash, created_at, revoked_at, scopes, expires_at";
    private final Jdbc jdbc;

    public JdbcApiKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredApiKey insert(TenantId tenantId, String keyId, String hash, Set<ApiKeyScope> scopes, Optional<Instant> expiresAt,
                               AuditEntry audit) {
        return jdbc.inTransaction("issue API key", connection -> {
            StoredApiKey key;
            try (var statement = connection.prepareStatement(
                    "INSERT INTO api_keys (tenant_id, key_id, hash, scopes, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                statement.setString(1, tenantId.value());
                statement.setString(2, keyId);
                statement.setString(3, hash);
                statement.setArray(4, connection.createArrayOf("text", scopes.stream().map(Enum::name).sorted().toArray()));
                statement.setTimestamp(5, expiresAt.map(Timestamp::from).orElse(null));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    key = key(rows);
                }
            }
            AuditWriter.append(connection, audit);
            return key;
        });
    }

    @Override
    public Optional<Instant> revoke(TenantId tenantId, String keyId, AuditEntry audit) {
        return jdbc.inTransaction("revoke API key", connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE api_keys SET revoked_at = now() WHERE tenant_id = ? AND key_id = ? AND revoked_at IS NULL RETURNING revoked_at")) {
                statement.setString(1, tenantId.value());
                statement.setString(2, keyId);
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        Instant at = rows.getTimestamp(1).toInstant();
                        AuditWriter.append(connection, audit);
                        return Optional.of(at);
                    }
                }
            }
            return earlierRevocation(connection, tenantId, keyId);
        });
    }

    @Override
    public Optional<StoredApiKey> find(String keyId) {
        return jdbc.read("find API key", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_id = ?")) {
                statement.setString(1, keyId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(key(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredApiKey> list(TenantId tenantId) {
        return jdbc.read("list API keys", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? ORDER BY created_at DESC, key_id")) {
                statement.setString(1, tenantId.value());
                var result = new ArrayList<StoredApiKey>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(key(rows));
                    }
                }
                return result;
            }
        });
    }

    private static Optional<Instant> earlierRevocation(Connection connection, TenantId tenantId, String keyId) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT revoked_at FROM api_keys WHERE tenant_id = ? AND key_id = ?")) {
            statement.setString(1, tenantId.value());
            statement.setString(2, keyId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
            }
        }
    }

    private static StoredApiKey key(ResultSet rows) throws SQLException {
        var scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String scope : (String[]) rows.getArray("scopes").getArray()) {
            scopes.add(ApiKeyScope.valueOf(scope));
        }
        return new StoredApiKey(new TenantId(rows.getString("tenant_id")), rows.getString("key_id"), rows.getString("hash"),
            rows.getTimestamp("created_at").toInstant(), Optional.ofNullable(rows.getTimestamp("revoked_at")).map(Timestamp::toInstant), scopes,
            Optional.ofNullable(rows.getTimestamp("expires_at")).map(Timestamp::toInstant));
    }
}
