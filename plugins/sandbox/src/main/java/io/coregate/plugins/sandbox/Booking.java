package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.TransactionStatus;
import java.math.BigDecimal;

/**
 * What the bank remembers of one transfer on one side (payee credit or payer debit), keyed by transfer id.
 *
 * @param transferId the gateway's transfer id, the idempotency key
 * @param reference  the bank's stable reference, returned in every receipt for this transfer
 * @param state      where the transfer stands
 * @param customer   the customer's pocket
 * @param house      the bank's own pocket on the other side (disbursement or collection)
 * @param amount     the amount
 */
record Booking(String transferId, String reference, State state, Pocket customer, Pocket house, BigDecimal amount) {

    /** The life of a booking. Credits: RESERVED, COMMITTED, RELEASED. Debits: DEBITED, HELD, CAPTURED, REFUNDED, RELEASED. */
    enum State {
        RESERVED(TransactionStatus.State.PENDING),
        COMMITTED(TransactionStatus.State.COMPLETED),
        DEBITED(TransactionStatus.State.COMPLETED),
        HELD(TransactionStatus.State.PENDING),
        CAPTURED(TransactionStatus.State.COMPLETED),
        REFUNDED(TransactionStatus.State.FAILED),
        RELEASED(TransactionStatus.State.FAILED);

        private final TransactionStatus.State status;

        State(TransactionStatus.State status) {
            this.status = status;
        }

        /** How {@code status} reports a booking in this state. */
        TransactionStatus.State status() {
            return status;
        }
    }

    /** The same booking in another state. */
    Booking to(State next) {
        return new Booking(transferId, reference, next, customer, house, amount);
    }

    /** Whether a repeated request names the same customer and amount as the one booked. */
    boolean sameAs(Pocket otherCustomer, BigDecimal otherAmount) {
        return customer.equals(otherCustomer) && amount.compareTo(otherAmount) == 0;
    }
}
