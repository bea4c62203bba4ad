package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

/**
 * The answer a transfer gave, kept for idempotent replay: the flow's answer record, or the error it was refused with.
 * The transfer log stores it as the JSON the client received ({@code {"statusCode","message"}} for a refusal) and reads
 * it back as the record type of the transfer's direction.
 */
public sealed interface StoredAnswer {

    /**
     * A success answer.
     *
     * @param body the flow's answer record (the payee's {@code transferResponse}, the payer's send-money answer)
     */
    record Answered(Object body) implements StoredAnswer {
    }

    /**
     * A refusal.
     *
     * @param code    the FSPIOP error
     * @param message its message
     */
    record Refused(ErrorCode code, String message) implements StoredAnswer {
    }

    /** The answer to a notification of a transfer the hub did not complete (as the SI toolkit expects). */
    StoredAnswer NOT_COMPLETED = new Refused(ErrorCode.PAYEE_ERROR, "Transfer Not Completed Error");

    /** A success answer. */
    static StoredAnswer of(Object body) {
        return new Answered(body);
    }

    /** A refusal. */
    static StoredAnswer refused(ErrorCode code, String message) {
        return new Refused(code, message);
    }

    /**
     * Gives the answer again.
     *
     * @param type the flow's answer record type
     * @return the stored success answer
     * @throws GatewayException the stored refusal
     */
    default <T> T replay(Class<T> type) {
        return switch (this) {
            case Answered answered -> type.cast(answered.body());
            case Refused refused -> throw new GatewayException(refused.code(), refused.message());
        };
    }
}
