package io.coregate.plugin.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A payee-side credit: money the hub moves to one of the tenant's customers, passed to {@code reserveCredit},
 * {@code commitCredit} and {@code releaseCredit}, one request per leg. Give the CBS {@link #key()} as the booking's
 * idempotency key: it is stable across retries of this leg and distinct between the legs (see {@link LegKey}).
 * Immutable and thread-safe.
 *
 * @param transferId  the Mojaloop transfer id
 * @param payee       the customer credited, resolved once (at the quote) with its account
 * @param amount      what the customer receives
 * @param reservation the CBS reference of the reservation, empty before {@code reserveCredit} answered
 * @param leg         this call's leg key and attempt (always present on calls from a 2.x gateway)
 * @param context     the transfer: ids, type, names, expiry, fee, minor units
 */
public record CreditRequest(String transferId, Party payee, Money amount, Optional<String> reservation, Optional<LegKey> leg,
                            TransferContext context) implements MoneyCall {

    /**
     * @since 2.0.0
     */
    public CreditRequest {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(context, "context");
    }

    /**
     * A credit without leg key or context (the 1.x shape, kept for source compatibility of tests): {@link #leg()} is
     * empty, so {@link #key()} is the transfer id, and the context is {@link TransferContext#minimal minimal}.
     */
    public CreditRequest(String transferId, Party payee, Money amount, Optional<String> reservation) {
        this(transferId, payee, amount, reservation, Optional.empty(), TransferContext.minimal(transferId, Counterparty.unknown(),
            new Counterparty(payee.id(), Optional.of(payee.displayName()), Optional.empty()), amount));
    }

    /**
     * The same credit as the given leg's call.
     *
     * @param leg     the leg ({@link Leg#RESERVE}, {@link Leg#COMMIT}, {@link Leg#RELEASE})
     * @param attempt 1 on the first call of that leg
     * @since 2.0.0
     */
    public CreditRequest forLeg(Leg leg, int attempt) {
        return new CreditRequest(transferId, payee, amount, reservation, Optional.of(new LegKey(transferId, leg, attempt)), context);
    }
}
