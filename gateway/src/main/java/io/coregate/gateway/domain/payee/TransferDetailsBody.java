package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.transfer.TransferParty;

/**
 * The backend API's {@code transferDetailsResponse} ({@code GET /transfers/{id}}).
 *
 * @param homeTransactionId the gateway's id
 * @param from              the payer
 * @param to                the payee
 * @param amountType        SEND or RECEIVE
 * @param currency          the currency
 * @param amount            the amount
 * @param transferState     the public state
 * @param transactionType   TRANSFER, DEPOSIT or PAYMENT
 * @param timestamp         the latest change, with milliseconds
 */
public record TransferDetailsBody(String homeTransactionId, TransferParty from, TransferParty to, String amountType, String currency,
                                  String amount, String transferState, String transactionType, String timestamp) {
}
