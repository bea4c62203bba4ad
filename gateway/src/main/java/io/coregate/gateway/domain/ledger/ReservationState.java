package io.coregate.gateway.domain.ledger;

/** The life of a reservation: pending until posted (the transfer completed) or voided (failed or expired). */
public enum ReservationState {
    /** Holds liquidity: counted in {@code reserved}. */
    PENDING,
    /** The transfer completed: the amount moved from {@code reserved} to {@code position}. */
    POSTED,
    /** Released: the transfer failed, was rejected or expired. */
    VOIDED
}
