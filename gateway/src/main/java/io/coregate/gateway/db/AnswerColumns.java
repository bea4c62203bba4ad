package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.payer.PayerAnswer;
import io.coregate.gateway.domain.transfer.TransferResponseBody;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transfer's stored answer in its {@code answer} jsonb column: a success as the JSON the client received, a refusal
 * as {@code {"statusCode","message"}}. Read back as the answer record of the transfer's direction (the payee's
 * {@link TransferResponseBody}, the payer's {@link PayerAnswer}). Stateless.
 */
final class AnswerColumns {

    private AnswerColumns() {
    }

    static String write(StoredAnswer answer) {
        return switch (answer) {
            case StoredAnswer.Answered answered -> JsonColumns.write(answered.body());
            case StoredAnswer.Refused refused -> {
                var body = new LinkedHashMap<String, Object>();
                body.put("statusCode", refused.code().code());
                body.put("message", refused.message());
                yield JsonColumns.write(body);
            }
        };
    }

    /**
     * Reads a stored answer; a transfer that has none yet (just received) answers with its first state
     * (outbound: still being processed).
     *
     * @param homeTransactionId the transfer's own id, for the first answer of an inbound transfer
     */
    static StoredAnswer read(Direction direction, String homeTransactionId, String json) {
        if (json == null) {
            return direction == Direction.INBOUND
                ? StoredAnswer.of(new TransferResponseBody(homeTransactionId, TransferState.RECEIVED.publicName()))
                : PayerAnswer.pending(homeTransactionId);
        }
        Map<String, Object> stored = JsonColumns.read(json);
        if (stored.size() == 2 && stored.get("statusCode") instanceof String code && stored.get("message") instanceof String message) {
            return StoredAnswer.refused(ErrorCode.ofCode(code).orElse(ErrorCode.INTERNAL), message);
        }
        return direction == Direction.INBOUND ? StoredAnswer.of(JsonColumns.read(json, TransferResponseBody.class))
            : StoredAnswer.of(JsonColumns.read(json, PayerAnswer.typeOf(stored.keySet())));
    }
}
