package io.coregate.plugin.api;

import java.util.Optional;

/**
 * What every money call carries ({@link CreditRequest}, {@link DebitRequest}): the transfer, the leg it books with its
 * idempotency key and attempt, and the transfer's context. Immutable and thread-safe in its implementations.
 *
 * @since 2.0.0
 */
public interface MoneyCall {

    /** The Mojaloop transfer id. */
    String transferId();

    /** This call's leg key and attempt; always present on calls from the gateway. */
    Optional<LegKey> leg();

    /** The transfer: ids, type, names and FSPs, expiry, amount and fee apart, minor units, the resolved customer. */
    TransferContext context();

    /**
     * The idempotency key to give the CBS for this call: {@link LegKey#value()}, stable across retries of the leg and
     * distinct between the legs of one transfer; the transfer id for a request built without a leg.
     */
    default String key() {
        return leg().map(LegKey::value).orElse(transferId());
    }

    /** Which attempt at this leg the call is: 1 first, more on the gateway's retries (see {@link LegKey#attempt()}). */
    default int attempt() {
        return leg().map(LegKey::attempt).orElse(1);
    }
}
