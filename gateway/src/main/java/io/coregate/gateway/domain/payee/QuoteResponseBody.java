package io.coregate.gateway.domain.payee;

/**
 * The backend API's {@code quoteResponse}: amounts as Mojaloop amount strings, the expiration with milliseconds.
 *
 * @param quoteId                    the quote id
 * @param transactionId              the transaction id
 * @param transferAmount             what the hub moves
 * @param transferAmountCurrency     its currency
 * @param payeeReceiveAmount         what the payee receives
 * @param payeeReceiveAmountCurrency its currency
 * @param payeeFspFeeAmount          the payee-side fee
 * @param payeeFspFeeAmountCurrency  its currency
 * @param expiration                 when the quote expires
 */
public record QuoteResponseBody(String quoteId, String transactionId, String transferAmount, String transferAmountCurrency,
                                String payeeReceiveAmount, String payeeReceiveAmountCurrency, String payeeFspFeeAmount,
                                String payeeFspFeeAmountCurrency, String expiration) {
}
