package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.GatewayException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored answers: a success body, or an error kept as {@code {"statusCode","message"}} and replayed by throwing the
 * same {@link GatewayException}. Stateless.
 */
final class Answers {

    private Answers() {
    }

    /** The answer to a transfer with the given public state. */
    static Map<String, Object> transfer(String homeTransactionId, TransferState state) {
        var body = new LinkedHashMap<String, Object>();
        body.put("homeTransactionId", homeTransactionId);
        body.put("transferState", state.publicName());
        return body;
    }
}
