package io.coregate.plugin.api;

import java.util.Objects;

/**
 * The CBS's record of a booking, kept in the gateway's transfer journal for reconciliation.
 * Immutable and thread-safe.
 *
 * @param cbsReference the CBS transaction, block or reservation id
 */
public record Receipt(String cbsReference) {

    public Receipt {
        Objects.requireNonNull(cbsReference, "cbsReference");
    }
}
