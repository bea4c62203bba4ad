package io.coregate.gateway.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers kept for idempotent replay: a success body as is, or an error kept as {@code {"statusCode","message"}} and
 * replayed by throwing the same {@link GatewayException}. Stateless.
 */
public final class StoredAnswers {

    private StoredAnswers() {
    }

    /** An error as a stored answer. */
    public static Map<String, Object> error(ErrorCode code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", code.code());
        body.put("message", message);
        return body;
    }

    /** Gives a stored answer again: returns a success body, throws a stored error. */
    public static Map<String, Object> replay(Map<String, Object> stored) {
        if (stored.get("statusCode") instanceof String code && stored.get("message") instanceof String message) {
            ErrorCode error = ErrorCode.ofCode(code).orElse(ErrorCode.INTERNAL);
            throw new GatewayException(error, message);
        }
        return stored;
    }
}
