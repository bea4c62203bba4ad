package io.coregate.gateway.db;

import io.coregate.gateway.domain.access.Operator;
import io.coregate.gateway.domain.access.OperatorTokenRepository;
import io.coregate.gateway.domain.access.Role;
import io.coregate.gateway.domain.access.StoredOperatorToken;
import io.coregate.gateway.domain.tenant.AuditEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Operator tokens in the {@code operator_tokens} table (hashes only); writes record their audit entry in the same transaction. Thread-safe. */
public final class JdbcOperatorTokenRepository implements OperatorTokenRepository {

    private static final String COLUMNS = "token_id, name, role, tenants, hash, created_by, created_at, expires_at, revoked_at";
    private final Jdbc jdbc;

    public JdbcOperatorTokenRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredOperatorToken insert(String tokenId, Operator operator, String hash, Optional<Instant> expiresAt, String createdBy,
                                      AuditEntry audit) {
        return jdbc.inTransaction("issue operator token", connection -> {
            StoredOperatorToken token;
            try (var statement = connection.prepareStatement("INSERT INTO operator_tokens (token_id, name, role, tenants, hash, expires_at,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                statement.setString(1, tokenId);
                statement.setString(2, operator.name());
                statement.setString(3, operator.role().name());
                statement.setArray(4, connection.createArrayOf("text", operator.tenants().stream().sorted().toArray()));
                statement.setString(5, hash);
                statement.setTimestamp(6, expiresAt.map(Timestamp::from).orElse(null));
                statement.setString(7, createdBy);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    token = token(rows);
                }
            }
            AuditWriter.append(connection, audit);
            return token;
        });
    }

    @Override
    public Optional<Instant> revoke(String tokenId, AuditEntry audit) {
        return jdbc.inTransaction("revoke operator token", connection -> {
            try (var statement = connection.prepareStatement("UPDATE operator_tokens SET revoked_at = now()"
                    + " WHERE tenant_id = '*' AND token_id = ? AND revoked_at IS NULL RETURNING revoked_at")) {
                statement.setString(1, tokenId);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Instant>empty();
                    }
                    Instant at = rows.getTimestamp(1).toInstant();
                    AuditWriter.append(connection, audit);
                    return Optional.of(at);
                }
            }
        });
    }

    @Override
    public Optional<StoredOperatorToken> find(String tokenId) {
        return jdbc.read("find operator token", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM operator_tokens WHERE tenant_id = '*' AND token_id = ?")) {
                statement.setString(1, tokenId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(token(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredOperatorToken> list() {
        return jdbc.read("list operator tokens", connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM operator_tokens WHERE tenant_id = '*' ORDER BY created_at DESC, token_id")) {
                var result = new ArrayList<StoredOperatorToken>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(token(rows));
                    }
                }
                return result;
            }
        });
    }

    private static StoredOperatorToken token(ResultSet rows) throws SQLException {
        var operator = new Operator(rows.getString("name"), Role.valueOf(rows.getString("role")),
            Set.of((String[]) rows.getArray("tenants").getArray()));
        return new StoredOperatorToken(rows.getString("token_id"), operator, rows.getString("hash"), rows.getString("created_by"),
            rows.getTimestamp("created_at").toInstant(), Optional.ofNullable(rows.getTimestamp("expires_at")).map(Timestamp::toInstant),
            Optional.ofNullable(rows.getTimestamp("revoked_at")).map(Timestamp::toInstant));
    }
}
