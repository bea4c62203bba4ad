package io.coregate.gateway.db;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.payee.QuoteRequestBody;
import io.coregate.gateway.domain.payee.QuoteResponseBody;
import io.coregate.gateway.domain.payee.StoredQuote;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferEvent;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Maps rows of {@code quotes}, {@code transfers} and {@code transfer_events} to domain records. Stateless. */
final class TransferRows {

    static final String TRANSFER_COLUMNS = "tenant_id, direction, transfer_id, home_transaction_id, state, target_state, quote_id, "
        + "amount_type, transaction_type, currency, amount, payee_receive_amount, payee::text, payer::text, request_hash, answer::text, "
        + "cbs_reference, last_error, attempts, next_retry_at, expires_at, created_at, updated_at, transaction_id";

    static final String QUOTE_COLUMNS = "tenant_id, quote_id, transaction_id, request_hash, request::text, answer::text, amount_type, "
        + "currency, transfer_amount, payee_receive_amount, payee_fee, payee::text, expires_at";

    private TransferRows() {
    }

    /** Maps a row selected or returned with {@link #TRANSFER_COLUMNS}, by column name. */
    static Transfer transfer(ResultSet rows) throws SQLException {
        Direction direction = Direction.valueOf(rows.getString("direction"));
        String homeTransactionId = rows.getString("home_transaction_id");
        return new Transfer(new TenantId(rows.getString("tenant_id")), direction, rows.getString("transfer_id"), homeTransactionId,
            TransferState.valueOf(rows.getString("state")), optional(rows, "target_state").map(TransferState::valueOf),
            optional(rows, "quote_id"), rows.getString("amount_type"), rows.getString("transaction_type"), rows.getString("currency"),
            rows.getBigDecimal("amount"), rows.getBigDecimal("payee_receive_amount"), party(rows.getString("payee")),
            party(rows.getString("payer")), rows.getString("request_hash"),
            AnswerColumns.read(direction, homeTransactionId, rows.getString("answer")), optional(rows, "cbs_reference"),
            optional(rows, "last_error"), rows.getInt("attempts"), instant(rows.getTimestamp("next_retry_at")),
            instant(rows.getTimestamp("expires_at")), rows.getTimestamp("created_at").toInstant(),
            rows.getTimestamp("updated_at").toInstant(), optional(rows, "transaction_id"));
    }

    /** Maps a row selected or returned with {@link #QUOTE_COLUMNS}, by column name. */
    static StoredQuote quote(ResultSet rows) throws SQLException {
        return new StoredQuote(new TenantId(rows.getString("tenant_id")), rows.getString("quote_id"), rows.getString("transaction_id"),
            rows.getString("request_hash"), JsonColumns.read(rows.getString("request"), QuoteRequestBody.class),
            JsonColumns.read(rows.getString("answer"), QuoteResponseBody.class), rows.getString("amount_type"),
            rows.getString("currency"), rows.getBigDecimal("transfer_amount"), rows.getBigDecimal("payee_receive_amount"),
            rows.getBigDecimal("payee_fee"), party(rows.getString("payee")), rows.getTimestamp("expires_at").toInstant());
    }

    /** A nullable text column. */
    static Optional<String> optional(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    private static TransferParty party(String json) {
        return JsonColumns.read(json, TransferParty.class);
    }

    static TransferEvent event(ResultSet rows) throws SQLException {
        return new TransferEvent(rows.getInt("seq"), rows.getTimestamp("at").toInstant(),
            optional(rows, "from_state").map(TransferState::valueOf), TransferState.valueOf(rows.getString("to_state")),
            optional(rows, "cbs_reference"), rows.getString("detail"));
    }

    static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
