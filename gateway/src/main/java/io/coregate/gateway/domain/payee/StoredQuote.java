package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.TransferParty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A quote the gateway answered, kept so the transfer can be checked against it and repeats replayed.
 *
 * @param tenant        whose
 * @param quoteId       the Mojaloop quote id
 * @param transactionId the Mojaloop transaction id
 * @param requestHash   SHA-256 of the canonical request
 * @param request       the request as read
 * @param answer        the quoteResponse sent
 * @param amountType    SEND or RECEIVE
 * @param currency      the currency
 * @param transferAmount what the hub moves
 * @param receiveAmount what the payee receives
 * @param payeeFee      the payee-side fee
 * @param payee         the payee as looked up ({@code idType}, {@code idValue}, {@code accountNo}, names)
 * @param expiresAt     the quote's expiration
 */
public record StoredQuote(TenantId tenant, String quoteId, String transactionId, String requestHash, QuoteRequestBody request,
                          QuoteResponseBody answer, String amountType, String currency, BigDecimal transferAmount,
                          BigDecimal receiveAmount, BigDecimal payeeFee, TransferParty payee, Instant expiresAt) {
}
