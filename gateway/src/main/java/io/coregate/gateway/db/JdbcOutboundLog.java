package io.coregate.gateway.db;

import io.coregate.gateway.domain.payer.Outbound;
import io.coregate.gateway.domain.payer.OutboundLog;
import io.coregate.gateway.domain.payer.QuoteFacts;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Money;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payer side's writes and reads of the {@code transfers} table in PostgreSQL: inserting an outbound transfer
 * together with its ledger reservation, recording the connector's quote (with the merchant payment's reservation), and
 * finding transfers by the channel's or the connector's id. Every write is one transaction. Thread-safe.
 */
public final class JdbcOutboundLog implements OutboundLog {

    private static final String COLUMNS = TransferRows.TRANSFER_COLUMNS + ", mojaloop_transfer_id, post_answer::text";
    private static final String OUTBOUND = " FROM transfers WHERE tenant_id = ? AND direction = 'OUTBOUND' AND ";

    private final Jdbc jdbc;
    private final JdbcLedger ledger;

    public JdbcOutboundLog(Jdbc jdbc, JdbcLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    public boolean open(Transfer t, Instant holdUntil, String detail, Duration lease) {
        return jdbc.inTransaction("open outbound transfer", connection -> {
            if (!TransferWrites.insertTransfer(connection, t, lease, detail)) {
                return false;
            }
            if (t.state() == TransferState.RESERVED) {
                ledger.reserve(connection, t.tenant(), new Money(t.amount(), t.currency()), t.transferId(), holdUntil);
            }
            return true;
        });
    }

    @Override
    public Optional<Outbound> quoted(TenantId tenant, String ref, TransferState from, TransferState to, QuoteFacts quote, boolean reserve,
                                     Instant holdUntil, String detail) {
        from.moveTo(to);
        return jdbc.inTransaction("record outbound quote", connection -> {
            Optional<Outbound> before = one(connection, "transfer_id = ? FOR UPDATE", tenant, ref);
            if (before.isEmpty() || before.get().transfer().state() != from) {
                return Optional.<Outbound>empty();
            }
            try (var statement = connection.prepareStatement("""
                    UPDATE transfers SET state = ?, mojaloop_transfer_id = ?, amount = ?, payee_receive_amount = ?, payee_fee = ?,
                           payee = ?::jsonb, payee_id_type = ?, payee_id_value = ?, expires_at = ?, post_answer = ?::jsonb,
                           answer = ?::jsonb, lease_until = NULL, updated_at = clock_timestamp()""" + JdbcTransferLog.KEY)) {
                int i = 0;
                statement.setString(++i, to.name());
                statement.setString(++i, quote.mojaloopTransferId());
                statement.setBigDecimal(++i, quote.amount());
                statement.setBigDecimal(++i, quote.receiveAmount());
                statement.setBigDecimal(++i, quote.payeeFee());
                statement.setString(++i, JsonColumns.write(quote.payee()));
                statement.setString(++i, quote.payee().idType());
                statement.setString(++i, quote.payee().idValue());
                statement.setTimestamp(++i, TransferRows.timestamp(quote.expiresAt()));
                statement.setString(++i, AnswerColumns.write(quote.answer()));
                statement.setString(++i, AnswerColumns.write(quote.answer()));
                JdbcTransferLog.setKey(statement, ++i, tenant, Direction.OUTBOUND, ref);
                statement.executeUpdate();
            }
            TransferWrites.appendEvent(connection, tenant, Direction.OUTBOUND, ref, Optional.of(from), to, Optional.empty(), detail);
            if (reserve) {
                ledger.reserve(connection, tenant, new Money(quote.amount(), before.get().transfer().currency()), ref, holdUntil);
            }
            return one(connection, "transfer_id = ?", tenant, ref);
        });
    }

    @Override
    public Optional<Outbound> byHome(TenantId tenant, String homeTransactionId) {
        return jdbc.read("find outbound transfer", c -> one(c, "home_transaction_id = ?", tenant, homeTransactionId));
    }

    @Override
    public Optional<Outbound> byMojaloopId(TenantId tenant, String mojaloopTransferId) {
        return jdbc.read("find outbound transfer", c -> one(c, "mojaloop_transfer_id = ?", tenant, mojaloopTransferId));
    }

    @Override
    public Optional<Outbound> byRef(TenantId tenant, String ref) {
        return jdbc.read("find outbound transfer", c -> one(c, "transfer_id = ?", tenant, ref));
    }

    @Override
    public List<Outbound> stuckDebited(Instant cutoff, int limit) {
        return where("state = 'DEBITED' AND updated_at < ? ORDER BY updated_at LIMIT ?", cutoff, limit);
    }

    @Override
    public List<Outbound> uncertainDue(Instant now, int limit) {
        return where("state = 'UNCERTAIN' AND next_retry_at <= ? ORDER BY next_retry_at LIMIT ?", now, limit);
    }

    private List<Outbound> where(String condition, Instant instant, int limit) {
        return jdbc.read("find outbound transfers", connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM transfers WHERE direction = 'OUTBOUND' AND "
                    + condition)) {
                statement.setTimestamp(1, TransferRows.timestamp(instant));
                statement.setInt(2, limit);
                var found = new ArrayList<Outbound>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(outbound(rows));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void retryLater(TenantId tenant, String ref, int attempts, Optional<Instant> nextRetryAt, String detail) {
        jdbc.inTransaction("record status retry", connection -> {
            try (var statement = connection.prepareStatement("UPDATE transfers SET attempts = ?, next_retry_at = ?, last_error = ?, "
                    + "lease_until = NULL, updated_at = clock_timestamp()" + JdbcTransferLog.KEY + " AND state = 'UNCERTAIN'")) {
                statement.setInt(1, attempts);
                statement.setTimestamp(2, nextRetryAt.map(TransferRows::timestamp).orElse(null));
                statement.setString(3, detail);
                JdbcTransferLog.setKey(statement, 4, tenant, Direction.OUTBOUND, ref);
                if (statement.executeUpdate() == 1) {
                    TransferWrites.appendEvent(connection, tenant, Direction.OUTBOUND, ref, Optional.of(TransferState.UNCERTAIN),
                        TransferState.UNCERTAIN, Optional.empty(), detail);
                }
            }
            return null;
        });
    }

    private static Optional<Outbound> one(Connection connection, String where, TenantId tenant, String value) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + COLUMNS + OUTBOUND + where)) {
            statement.setString(1, tenant.value());
            statement.setString(2, value);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(outbound(rows)) : Optional.empty();
            }
        }
    }

    private static Outbound outbound(ResultSet rows) throws SQLException {
        String answer = rows.getString("post_answer");
        Transfer transfer = TransferRows.transfer(rows);
        return new Outbound(transfer, TransferRows.optional(rows, "mojaloop_transfer_id"),
            Optional.ofNullable(answer).map(json -> AnswerColumns.read(Direction.OUTBOUND, transfer.homeTransactionId(), json)));
    }
}
