package io.coregate.gateway.db;

import io.coregate.gateway.domain.cbs.CallbackTokens;
import io.coregate.gateway.domain.tenant.TenantId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Callback tokens in {@code cbs_callback_tokens}, one per tenant. Thread-safe. */
public final class JdbcCallbackTokens implements CallbackTokens {

    private final Jdbc jdbc;

    public JdbcCallbackTokens(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(TenantId tenant) {
        return jdbc.read("find callback token", connection -> find(connection, tenant));
    }

    @Override
    public String ensure(TenantId tenant, String fresh) {
        return jdbc.autoCommit("create callback token", connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO cbs_callback_tokens (tenant_id, token) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING")) {
                statement.setString(1, tenant.value());
                statement.setString(2, fresh);
                statement.executeUpdate();
            }
            return find(connection, tenant).orElseThrow(() -> new DatabaseException("callback token of " + tenant + " vanished", null));
        });
    }

    private static Optional<String> find(Connection connection, TenantId tenant) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT token FROM cbs_callback_tokens WHERE tenant_id = ?")) {
            statement.setString(1, tenant.value());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString("token")) : Optional.empty();
            }
        }
    }
}
