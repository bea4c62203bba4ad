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
        + "cbs_reference, last_error, attempts, next_retry_at, expires_at, created_at, updated_at";

    static final String QUOTE_COLUMNS = "tenant_id, quote_id, transaction_id, request_hash, request::text, answer::text, amount_type, "
        + "currency, transfer_amount, payee_receive_amount, payee_fee, payee::text, expires_at";

    private TransferRows() {
    }

    static Transfer transfer(ResultSet rows) throws SQLException {
        Direction direction = Direction.valueOf(rows.getString(2));
        return new Transfer(new TenantId(rows.getString(1)), direction, rows.getString(3),
            rows.getString(4), TransferState.valueOf(rows.getString(5)), Optional.ofNullable(rows.getString(6)).map(TransferState::valueOf),
            Optional.ofNullable(rows.getString(7)), rows.getString(8), rows.getString(9), rows.getString(10), rows.getBigDecimal(11),
            rows.getBigDecimal(12), party(rows.getString(13)), party(rows.getString(14)), rows.getString(15),
            AnswerColumns.read(direction, rows.getString(4), rows.getString(16)), Optional.ofNullable(rows.getString(17)),
            Optional.ofNullable(rows.getString(18)), rows.getInt(19), instant(rows.getTimestamp(20)), instant(rows.getTimestamp(21)),
            rows.getTimestamp(22).toInstant(), rows.getTimestamp(23).toInstant());
    }

    static StoredQuote quote(ResultSet rows) throws SQLException {
        return new StoredQuote(new TenantId(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4),
            JsonColumns.read(rows.getString(5), QuoteRequestBody.class), JsonColumns.read(rows.getString(6), QuoteResponseBody.class),
            rows.getString(7), rows.getString(8), rows.getBigDecimal(9), rows.getBigDecimal(10), rows.getBigDecimal(11),
            party(rows.getString(12)),
            rows.getTimestamp(13).toInstant());
    }

    private static TransferParty party(String json) {
        return JsonColumns.read(json, TransferParty.class);
    }

    static TransferEvent event(ResultSet rows) throws SQLException {
        return new TransferEvent(rows.getInt(1), rows.getTimestamp(2).toInstant(), Optional.ofNullable(rows.getString(3))
            .map(TransferState::valueOf), TransferState.valueOf(rows.getString(4)), Optional.ofNullable(rows.getString(5)), rows.getString(6));
    }

    static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
