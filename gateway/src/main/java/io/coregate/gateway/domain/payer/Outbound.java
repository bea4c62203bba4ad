package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;

import java.util.Objects;
import java.util.Optional;

/**
 * An outbound transfer as the payer flow sees it: the transfer log's row (keyed by the gateway's reference, which is
 * also the ledger reservation's reference) plus what only the payer side has.
 *
 * @param transfer           the logged transfer; {@code transfer.transferId()} is the gateway's reference
 * @param mojaloopTransferId the Mojaloop Connector's transfer id, once it answered the {@code POST /transfers}
 * @param postAnswer         the answer to the channel's {@code POST}, once quoted (replayed to repeats): the {@link QuotedBody} or the refusal
 */
public record Outbound(Transfer transfer, Optional<String> mojaloopTransferId, Optional<StoredAnswer> postAnswer) {

    public Outbound {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(mojaloopTransferId, "mojaloopTransferId");
        Objects.requireNonNull(postAnswer, "postAnswer");
    }

    /** The gateway's reference (the transfer log's key and the ledger reference). */
    public String ref() {
        return transfer.transferId();
    }
}
