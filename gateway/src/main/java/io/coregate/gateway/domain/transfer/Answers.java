package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored answers: a success body, or an error kept as {@code {"statusCode","message"}} and replayed by throwing the
 * same {@link GatewayException}. Stateless.
 */
final class Answers {

    private Answers() {
    }

    /** An error as a stored answer. */
    static Map<String, Object> error(ErrorCode code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", code.code());
        body.put("message", message);
        return body;
    }

    /** Gives a stored answer again: returns a success body, throws a stored error. */
    static Map<String, Object> replay(Map<String, Object> stored) {
        if (stored.get("statusCode") instanceof String code && stored.get("message") instanceof String message) {
            ErrorCode error = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst().orElse(ErrorCode.INTERNAL);
            throw new GatewayException(error, message);
        }
        return stored;
    }

    /** The answer to a transfer with the given public state. */
    static Map<String, Object> transfer(String homeTransactionId, TransferState state) {
        var body = new LinkedHashMap<String, Object>();
        body.put("homeTransactionId", homeTransactionId);
        body.put("transferState", state.publicName());
        return body;
    }
}
