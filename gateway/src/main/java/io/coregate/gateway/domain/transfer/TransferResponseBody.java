package io.coregate.gateway.domain.transfer;

/**
 * The backend API's {@code transferResponse}: a transfer's state as its answer gives it (also what an operator's resolution answers).
 *
 * @param homeTransactionId the gateway's id of the transfer
 * @param transferState     RECEIVED, RESERVED, COMMITTED or ABORTED
 */
public record TransferResponseBody(String homeTransactionId, String transferState) {
}
