package io.coregate.gateway.db;

import io.coregate.gateway.domain.payee.StoredQuote;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/** The transfer log's inserts, run on the caller's connection inside its transaction. Stateless. */
final class TransferWrites {

    private TransferWrites() {
    }

    /** Inserts a quote; the stored quote as read back, or empty when one with its id exists already. */
    static Optional<StoredQuote> insertQuote(Connection connection, StoredQuote quote) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO quotes (tenant_id, quote_id, transaction_id, request_hash, request, answer, amount_type, currency,
                                    transfer_amount, payee_receive_amount, payee_fee, payee, expires_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING
                RETURNING\s""" + TransferRows.QUOTE_COLUMNS)) {
            statement.setString(1, quote.tenant().value());
            statement.setString(2, quote.quoteId());
            statement.setString(3, quote.transactionId());
            statement.setString(4, quote.requestHash());
            statement.setString(5, JsonColumns.write(quote.request()));
            statement.setString(6, JsonColumns.write(quote.answer()));
            statement.setString(7, quote.amountType());
            statement.setString(8, quote.currency());
            statement.setBigDecimal(9, quote.transferAmount());
            statement.setBigDecimal(10, quote.receiveAmount());
            statement.setBigDecimal(11, quote.payeeFee());
            statement.setString(12, JsonColumns.write(quote.payee()));
            statement.setTimestamp(13, TransferRows.timestamp(quote.expiresAt()));
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(TransferRows.quote(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts a transfer with a lease and its first journal entry ({@code detail}), in one statement; false, changing
     * nothing, when its id exists.
     */
    static boolean insertTransfer(Connection connection, Transfer t, Duration lease, String detail) throws SQLException {
        try (var statement = connection.prepareStatement("""
                WITH inserted AS (
                    INSERT INTO transfers (tenant_id, direction, transfer_id, home_transaction_id, state, quote_id, amount_type,
                        transaction_type, currency, amount, payee_receive_amount, payee_id_type, payee_id_value, payer_id_type,
                        payer_id_value, payer_fsp, payee, payer, request_hash, expires_at, transaction_id, lease_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?,
                            clock_timestamp() + ? * interval '1 millisecond')
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, direction, transfer_id, state)
                INSERT INTO transfer_events (tenant_id, direction, transfer_id, seq, from_state, to_state, detail)
                SELECT tenant_id, direction, transfer_id, 1, NULL, state, ? FROM inserted""")) {
            int i = 0;
            statement.setString(++i, t.tenant().value());
            statement.setString(++i, t.direction().name());
            statement.setString(++i, t.transferId());
            statement.setString(++i, t.homeTransactionId());
            statement.setString(++i, t.state().name());
            statement.setString(++i, t.quoteId().orElse(null));
            statement.setString(++i, t.amountType());
            statement.setString(++i, t.transactionType());
            statement.setString(++i, t.currency());
            statement.setBigDecimal(++i, t.amount());
            statement.setBigDecimal(++i, t.receiveAmount());
            statement.setString(++i, t.payee().idType());
            statement.setString(++i, t.payee().idValue());
            statement.setString(++i, t.payer().idType());
            statement.setString(++i, t.payer().idValue());
            statement.setString(++i, t.payer().fspId().orElse(null));
            statement.setString(++i, JsonColumns.write(t.payee()));
            statement.setString(++i, JsonColumns.write(t.payer()));
            statement.setString(++i, t.requestHash());
            if (t.expiresAt().isPresent()) {
                statement.setTimestamp(++i, TransferRows.timestamp(t.expiresAt().get()));
            } else {
                statement.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            statement.setString(++i, t.transactionId().orElse(null));
            statement.setLong(++i, lease.toMillis());
            statement.setString(++i, detail);
            return statement.executeUpdate() == 1;
        }
    }

    /** Appends the transfer's next journal entry (its row must be locked or new in this transaction). */
    static void appendEvent(Connection connection, TenantId tenant, Direction direction, String transferId,
                                    Optional<TransferState> from, TransferState to, Optional<String> cbsReference, String detail)
            throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO transfer_events (tenant_id, direction, transfer_id, seq, from_state, to_state, cbs_reference, detail)
                SELECT ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM transfer_events""" + JdbcTransferLog.KEY)) {
            JdbcTransferLog.setKey(statement, 1, tenant, direction, transferId);
            statement.setString(4, from.map(Enum::name).orElse(null));
            statement.setString(5, to.name());
            statement.setString(6, cbsReference.orElse(null));
            statement.setString(7, detail);
            JdbcTransferLog.setKey(statement, 8, tenant, direction, transferId);
            statement.executeUpdate();
        }
    }
}
