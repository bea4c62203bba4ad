package io.coregate.plugin.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A payer-side debit: money a tenant's customer sends out through Mojaloop, passed to {@code debit}/{@code refund}
 * (or {@code holdDebit}/{@code captureDebit}/{@code releaseDebit}), one request per leg. Give the CBS {@link #key()}
 * as the booking's idempotency key: it is stable across retries of this leg and distinct between the legs (a refund
 * never carries the debit's key; see {@link LegKey}). Immutable and thread-safe.
 *
 * @param transferId the Mojaloop transfer id
 * @param payer      the customer debited
 * @param amount     what is taken from the customer (transfer amount plus the tenant's send fee; the context has them
 *                   apart)
 * @param reference  the CBS reference of the earlier debit or hold, empty on the first call
 * @param leg        this call's leg key and attempt (always present on calls from a 2.x gateway)
 * @param context    the transfer: ids, type (TRANSFER or PAYMENT), names, expiry, fee, minor units
 */
public record DebitRequest(String transferId, PartyId payer, Money amount, Optional<String> reference, Optional<LegKey> leg,
                           TransferContext context) implements MoneyCall {

    /**
     * @since 2.0.0
     */
    public DebitRequest {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(context, "context");
    }

    /**
     * A debit without leg key or context (the 1.x shape, kept for source compatibility of tests): {@link #leg()} is
     * empty, so {@link #key()} is the transfer id, and the context is {@link TransferContext#minimal minimal}.
     */
    public DebitRequest(String transferId, PartyId payer, Money amount, Optional<String> reference) {
        this(transferId, payer, amount, reference, Optional.empty(),
            TransferContext.minimal(transferId, Counterparty.of(payer), Counterparty.unknown(), amount));
    }

    /**
     * The same debit as the given leg's call, carrying {@code reference} (the earlier debit's or hold's).
     *
     * @param leg       the leg ({@link Leg#DEBIT}, {@link Leg#REFUND}, {@link Leg#HOLD}, {@link Leg#CAPTURE},
     *                  {@link Leg#RELEASE_HOLD})
     * @param attempt   1 on the first call of that leg
     * @param reference the earlier booking's CBS reference, if any
     * @since 2.0.0
     */
    public DebitRequest forLeg(Leg leg, int attempt, Optional<String> reference) {
        return new DebitRequest(transferId, payer, amount, reference, Optional.of(new LegKey(transferId, leg, attempt)), context);
    }
}
