package io.coregate.plugin.api;

import java.util.Optional;

/**
 * The tenant's own accounts in its CBS: the disbursement (payee float) account inbound credits are paid from,
 * and the collection account outbound debits are paid into. Empty means the CBS's default for that role.
 * Immutable and thread-safe.
 *
 * @param disbursement the payee-side float account
 * @param collection   the payer-side collection account
 */
public record AccountMapping(Optional<String> disbursement, Optional<String> collection) {

    /** No accounts mapped. */
    public static AccountMapping none() {
        return new AccountMapping(Optional.empty(), Optional.empty());
    }
}
