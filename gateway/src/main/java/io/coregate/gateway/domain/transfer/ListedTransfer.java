package io.coregate.gateway.domain.transfer;

import java.util.Optional;

/**
 * A transfer as the operators' list shows it: the transfer and, for an outbound one, the Mojaloop transfer id its
 * channel was given (so every id a user holds appears in the list).
 *
 * @param transfer            the transfer
 * @param mojaloopTransferId  the Mojaloop transfer id of an outbound transfer once quoted
 */
public record ListedTransfer(Transfer transfer, Optional<String> mojaloopTransferId) {
}
