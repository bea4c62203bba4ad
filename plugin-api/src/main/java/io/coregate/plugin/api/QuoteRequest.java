package io.coregate.plugin.api;

/**
 * A payee-side quote to price.
 * Immutable and thread-safe.
 *
 * @param quoteId       the Mojaloop quote id
 * @param transactionId the Mojaloop transaction id
 * @param payee         the party being paid, as looked up
 * @param amount        the amount in the request
 * @param amountType    whether {@code amount} is sent or received
 */
public record QuoteRequest(String quoteId, String transactionId, Party payee, Money amount, AmountType amountType) {
}
