package io.coregate.plugin.api;

import java.util.Optional;

/**
 * A payee-side credit: money the hub moves to one of the tenant's customers. The same request is passed to
 * {@code reserveCredit}, {@code commitCredit} and {@code releaseCredit}; {@code transferId} is the idempotency key
 * adapters should give their CBS where it accepts one.
 * Immutable and thread-safe.
 *
 * @param transferId the Mojaloop transfer id
 * @param payee      the customer credited
 * @param amount     what the customer receives
 * @param reservation the CBS reference of the reservation, empty before {@code reserveCredit} answered
 */
public record CreditRequest(String transferId, Party payee, Money amount, Optional<String> reservation) {
}
