package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.TransactionStatus;
import java.util.Optional;

/**
 * One money operation the bank answered pending, and how it settled.
 *
 * @param reference   the pending reference the bank answered (its server correlation id)
 * @param operation   the adapter operation ({@code debit}, {@code commitCredit}, ...)
 * @param transferId  the transfer it belongs to
 * @param state       PENDING until settled, then COMPLETED or FAILED
 * @param bookingReference the booking's reference once COMPLETED
 * @param detail      why it FAILED, or empty
 */
record Settlement(String reference, String operation, String transferId, TransactionStatus.State state,
                  Optional<String> bookingReference, Optional<String> detail) {

    /**
     * What opening a settlement found.
     *
     * @param settlement the settlement of the call
     * @param fresh      true when this call opened it, false for a repeated call
     */
    record Opened(Settlement settlement, boolean fresh) {
    }

    /** A new pending operation. */
    static Settlement pending(String reference, String operation, String transferId) {
        return new Settlement(reference, operation, transferId, TransactionStatus.State.PENDING, Optional.empty(),
                Optional.empty());
    }

    /** Settled: booked under {@code booking}. */
    Settlement completed(String booking) {
        return new Settlement(reference, operation, transferId, TransactionStatus.State.COMPLETED, Optional.of(booking),
                Optional.empty());
    }

    /** Settled: refused, nothing booked. */
    Settlement failed(String why) {
        return new Settlement(reference, operation, transferId, TransactionStatus.State.FAILED, Optional.empty(),
                Optional.of(why));
    }

    /** Whether it is still pending. */
    boolean isPending() {
        return state == TransactionStatus.State.PENDING;
    }

    /** What {@code status} answers for it. */
    TransactionStatus status() {
        return new TransactionStatus(state, bookingReference.or(() -> Optional.of(reference)));
    }
}
