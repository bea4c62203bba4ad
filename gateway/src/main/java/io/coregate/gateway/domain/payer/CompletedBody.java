package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.Optional;

/**
 * The answer to a completed accept ({@code PUT /{tenant}/send-money/{transferId}} or {@code .../merchant-payment/...}).
 * A transfer an operator resolved as committed keeps only {@code homeTransactionId} and {@code transferState}. While
 * the customer's debit is pending at the CBS the answer is {@code currentState: DEBIT_PENDING} (sent with 202): the
 * channel follows the transfer with {@code GET /{tenant}/transfers/{transferId}}.
 *
 * @param transferId         the connector's transfer id
 * @param homeTransactionId  the channel's reference
 * @param transferState      {@code COMMITTED}, or {@code DEBIT_PENDING}
 * @param currentState       {@code COMPLETED}, or {@code DEBIT_PENDING}
 * @param completedTimestamp when the hub completed it, when the connector said
 */
public record CompletedBody(String transferId, String homeTransactionId, String transferState, String currentState,
                            Optional<String> completedTimestamp) implements PayerAnswer {

    /** The answer for a transfer the hub committed. */
    static CompletedBody of(String mojaloopTransferId, Transfer transfer, ConnectorTransfer completed) {
        return new CompletedBody(mojaloopTransferId, transfer.homeTransactionId(), TransferState.COMMITTED.name(), "COMPLETED",
            completed.completedAt().map(Object::toString));
    }

    /** The answer while the customer's debit is pending at the CBS. */
    static CompletedBody debitPending(String mojaloopTransferId, Transfer transfer) {
        String state = TransferState.DEBIT_PENDING.name();
        return new CompletedBody(mojaloopTransferId, transfer.homeTransactionId(), state, state, Optional.empty());
    }

    /** True while the customer's debit is pending: the channel is answered 202 and asks again later. */
    public boolean debitPending() {
        return TransferState.DEBIT_PENDING.name().equals(currentState);
    }
}
