package io.coregate.plugin.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of the transfer a money call belongs to: everything a real CBS posting needs beyond the
 * amount (references, the transaction type, names for the narrative, the expiry for a hold's end date, the fee
 * apart, the currency's minor units) and the tenant's customer as resolved once for the transfer (so an adapter
 * never looks the customer up again for each leg). Built by the gateway from the stored transfer; the same for every
 * leg of one transfer. Immutable and thread-safe.
 *
 * @param transferId      the Mojaloop transfer id
 * @param transactionId   the Mojaloop transaction id (from the quote), when known
 * @param quoteId         the Mojaloop quote id, when known
 * @param type            the transaction scenario
 * @param payer           the paying party (the tenant's customer on the payer side)
 * @param payee           the party paid (the tenant's customer on the payee side)
 * @param amount          the transfer amount the hub moves
 * @param fee             the fee on top of (payer side: the tenant's send fee, taken with the debit) or out of (payee
 *                        side: the payee FSP fee) the amount; zero for none, in the transfer currency
 * @param minorUnits      the currency's minor units (2 for ZMW, 0 for JPY), for CBSs that book integers
 * @param expiresAt       when the transfer (its quote) expires: a hold should last at least until then
 * @param customer        the tenant's customer as resolved for this transfer (party and account), when resolved
 * @param homeTransactionId the gateway's or channel's own id of the transfer, for the narrative
 * @since 2.0.0
 */
public record TransferContext(
        String transferId,
        Optional<String> transactionId,
        Optional<String> quoteId,
        TransactionType type,
        Counterparty payer,
        Counterparty payee,
        Money amount,
        Money fee,
        int minorUnits,
        Optional<Instant> expiresAt,
        Optional<Party> customer,
        Optional<String> homeTransactionId) {

    public TransferContext {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(homeTransactionId, "homeTransactionId");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("minorUnits must not be negative");
        }
    }

    /**
     * The least context: a transfer known by its id, parties and amount only (what a 1.x-style request carries).
     *
     * @param transferId the Mojaloop transfer id
     * @param payer      the paying party
     * @param payee      the party paid
     * @param amount     the amount
     * @return a context of type {@link TransactionType#TRANSFER}, no fee, two minor units, nothing else known
     */
    public static TransferContext minimal(String transferId, Counterparty payer, Counterparty payee, Money amount) {
        return new TransferContext(transferId, Optional.empty(), Optional.empty(), TransactionType.TRANSFER, payer,
            payee, amount, new Money(java.math.BigDecimal.ZERO, amount.currency()), 2, Optional.empty(),
            Optional.empty(), Optional.empty());
    }

    /** The amount in minor units ({@code 10.50} ZMW is {@code 1050}), for CBSs that book integers. */
    public long amountInMinorUnits() {
        return amount.amount().movePointRight(minorUnits).longValueExact();
    }
}
