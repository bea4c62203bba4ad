package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored transfer.
 *
 * @param tenant            whose
 * @param direction         which way
 * @param transferId        the Mojaloop transfer id
 * @param homeTransactionId the gateway's (or the channel's) id for it
 * @param state             where it stands
 * @param targetState       for RECONCILE: the state the retry job drives it to, when known
 * @param quoteId           the quote it was priced by
 * @param amountType        SEND or RECEIVE
 * @param transactionType   TRANSFER, DEPOSIT, PAYMENT
 * @param currency          the currency
 * @param amount            the transfer amount
 * @param receiveAmount     what the payee receives
 * @param payee             the payee as the backend API shows it, plus {@code accountNo}
 * @param payer             the payer as the backend API shows it
 * @param requestHash       SHA-256 of the canonical request
 * @param answer            the answer replayed to repeats (none yet: an empty {@link StoredAnswer.Answered})
 * @param cbsReference      the CBS's latest reference
 * @param lastError         the latest CBS failure
 * @param attempts          reconciliation attempts so far
 * @param nextRetryAt       when reconciliation tries next
 * @param expiresAt         the quote's expiry
 * @param createdAt         when it arrived
 * @param updatedAt         its latest change
 * @param transactionId     the Mojaloop transaction id (payee side: from the quote), when known
 */
public record Transfer(
        TenantId tenant,
        Direction direction,
        String transferId,
        String homeTransactionId,
        TransferState state,
        Optional<TransferState> targetState,
        Optional<String> quoteId,
        String amountType,
        String transactionType,
        String currency,
        BigDecimal amount,
        BigDecimal receiveAmount,
        TransferParty payee,
        TransferParty payer,
        String requestHash,
        StoredAnswer answer,
        Optional<String> cbsReference,
        Optional<String> lastError,
        int attempts,
        Optional<Instant> nextRetryAt,
        Optional<Instant> expiresAt,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> transactionId) {

    /** A transfer whose transaction id is not known. */
    public Transfer(TenantId tenant, Direction direction, String transferId, String homeTransactionId, TransferState state,
                    Optional<TransferState> targetState, Optional<String> quoteId, String amountType, String transactionType, String currency,
                    BigDecimal amount, BigDecimal receiveAmount, TransferParty payee, TransferParty payer, String requestHash,
                    StoredAnswer answer, Optional<String> cbsReference, Optional<String> lastError, int attempts,
                    Optional<Instant> nextRetryAt, Optional<Instant> expiresAt, Instant createdAt, Instant updatedAt) {
        this(tenant, direction, transferId, homeTransactionId, state, targetState, quoteId, amountType, transactionType, currency, amount,
            receiveAmount, payee, payer, requestHash, answer, cbsReference, lastError, attempts, nextRetryAt, expiresAt, createdAt,
            updatedAt, Optional.empty());
    }

    /** The same transfer with its Mojaloop transaction id. */
    public Transfer withTransactionId(String id) {
        return new Transfer(tenant, direction, transferId, homeTransactionId, state, targetState, quoteId, amountType, transactionType,
            currency, amount, receiveAmount, payee, payer, requestHash, answer, cbsReference, lastError, attempts, nextRetryAt, expiresAt,
            createdAt, updatedAt, Optional.of(id));
    }
}
