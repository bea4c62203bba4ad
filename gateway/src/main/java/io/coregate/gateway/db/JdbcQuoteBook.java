package io.coregate.gateway.db;

import io.coregate.gateway.domain.payee.QuoteBook;
import io.coregate.gateway.domain.payee.StoredQuote;
import io.coregate.gateway.domain.tenant.TenantId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The payee side's quotes in PostgreSQL's {@code quotes} table. Thread-safe. */
public final class JdbcQuoteBook implements QuoteBook {

    private final Jdbc jdbc;

    public JdbcQuoteBook(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredQuote insertQuote(StoredQuote quote) {
        // One statement in auto-commit; only a quote whose id was stored before is read back.
        return jdbc.autoCommit("store quote", connection -> {
            Optional<StoredQuote> inserted = TransferWrites.insertQuote(connection, quote);
            return inserted.isPresent() ? inserted.get() : find(connection, quote.tenant(), quote.quoteId()).orElseThrow();
        });
    }

    @Override
    public Optional<StoredQuote> findQuote(TenantId tenant, String quoteId) {
        return jdbc.read("find quote", connection -> find(connection, tenant, quoteId));
    }

    private static Optional<StoredQuote> find(Connection connection, TenantId tenant, String quoteId) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + TransferRows.QUOTE_COLUMNS
                + " FROM quotes WHERE tenant_id = ? AND quote_id = ?")) {
            statement.setString(1, tenant.value());
            statement.setString(2, quoteId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(TransferRows.quote(rows)) : Optional.empty();
            }
        }
    }
}
