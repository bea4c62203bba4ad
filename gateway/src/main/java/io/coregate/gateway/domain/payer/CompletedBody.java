package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.Optional;

/**
 * The answer to a completed accept ({@code PUT /{tenant}/send-money/{transferId}} or {@code .../merchant-payment/...}).
 * A transfer an operator resolved as committed keeps only {@code homeTransactionId} and {@code transferState}.
 *
 * @param transferId         the connector's transfer id
 * @param homeTransactionId  the channel's reference
 * @param transferState      {@code COMMITTED}
 * @param currentState       {@code COMPLETED}
 * @param completedTimestamp when the hub completed it, when the connector said
 */
public record CompletedBody(String transferId, String homeTransactionId, String transferState, String currentState,
                            Optional<String> completedTimestamp) implements PayerAnswer {

    /** The answer for a transfer the hub committed. */
    static CompletedBody of(String mojaloopTransferId, Transfer transfer, ConnectorTransfer completed) {
        return new CompletedBody(mojaloopTransferId, transfer.homeTransactionId(), TransferState.COMMITTED.name(), "COMPLETED",
            completed.completedAt().map(Object::toString));
    }
}
