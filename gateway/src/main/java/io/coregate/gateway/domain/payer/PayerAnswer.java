package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.transfer.StoredAnswer;

import java.util.Set;

/**
 * A success answer of the payer flow as the transfer log keeps it for replay: the quote ({@link QuotedBody}, the answer
 * to the channel's {@code POST}) or the completed transfer ({@link CompletedBody}, the answer to its accept).
 */
public sealed interface PayerAnswer permits QuotedBody, CompletedBody {

    /**
     * The answer record type of a stored success answer, told by its fields: a quote has {@code fees}.
     *
     * @param fields the stored JSON object's field names
     */
    static Class<? extends PayerAnswer> typeOf(Set<String> fields) {
        return fields.contains("fees") ? QuotedBody.class : CompletedBody.class;
    }

    /** The answer of an outbound transfer that has none yet (it is still being started): try again. */
    static StoredAnswer pending(String homeTransactionId) {
        return StoredAnswer.refused(ErrorCode.SERVER_BUSY, "transfer " + homeTransactionId + " is still being processed; try again");
    }
}
