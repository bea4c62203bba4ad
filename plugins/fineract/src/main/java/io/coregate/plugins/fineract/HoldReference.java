package io.coregate.plugins.fineract;

import java.util.Optional;

/**
 * Where a debit hold lives in Fineract: the savings account and the hold transaction {@code holdAmount} created, written
 * {@code <savingsId>/<transactionId>} as the hold's receipt, which the gateway gives back to capture or release it.
 * Immutable and thread-safe.
 *
 * @param savingsId     the payer's savings account id
 * @param transactionId the hold transaction's id
 */
record HoldReference(long savingsId, long transactionId) {

    static HoldReference of(long savingsId, long transactionId) {
        return new HoldReference(savingsId, transactionId);
    }

    /** A receipt's reference read back; empty when it is not a hold's. */
    static Optional<HoldReference> parse(String text) {
        if (!text.matches("[1-9][0-9]{0,17}/[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        String[] parts = text.split("/");
        return Optional.of(new HoldReference(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    /** The receipt's text, {@code <savingsId>/<transactionId>}. */
    String text() {
        return savingsId + "/" + transactionId;
    }

    /** The hold transaction's path, relative to the API root. */
    String path() {
        return "savingsaccounts/" + savingsId + "/transactions/" + transactionId;
    }
}
