package io.coregate.plugin.api;

import java.util.Optional;

/**
 * A payer-side debit: money a tenant's customer sends out through Mojaloop. The same request is passed to
 * {@code debit}/{@code refund} (or {@code holdDebit}/{@code captureDebit}/{@code releaseDebit}); {@code transferId}
 * is the idempotency key.
 * Immutable and thread-safe.
 *
 * @param transferId the Mojaloop transfer id
 * @param payer      the customer debited
 * @param amount     what is taken from the customer (transfer amount plus the tenant's send fee)
 * @param reference  the CBS reference of the earlier debit or hold, empty on the first call
 */
public record DebitRequest(String transferId, PartyId payer, Money amount, Optional<String> reference) {
}
