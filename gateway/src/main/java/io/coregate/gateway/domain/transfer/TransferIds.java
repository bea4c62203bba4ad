package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.validation.Rules;

/** Checks transfer ids taken from a path (bodies are checked through their records). Stateless. */
public final class TransferIds {

    private TransferIds() {
    }

    /**
     * Checks a UUID/ULID given in a path.
     *
     * @throws GatewayException 3100 naming the field
     */
    public static String check(String field, String value) {
        if (!Rules.CORRELATION_ID.matcher(value).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + Rules.shown(value, 40) + "' is not a lower-case UUID or upper-case ULID");
        }
        return value;
    }
}
