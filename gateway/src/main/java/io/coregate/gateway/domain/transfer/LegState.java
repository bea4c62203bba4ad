package io.coregate.gateway.domain.transfer;

/**
 * Where one money leg of a transfer stands at the CBS. A leg is written {@link #INTENDED} before its adapter call and
 * moves on with the answer; {@link #INTENDED}, {@link #UNKNOWN} and {@link #PENDING} are open: what the CBS did is
 * not known, so the leg is resolved by a callback or the CBS's status before anything else is decided about it.
 */
public enum LegState {
    /** Written before the call; still so after it only when the gateway stopped during the call. */
    INTENDED,
    /** The CBS accepted the request and will finish it later (a 202): settled by callback, polling or an operator. */
    PENDING,
    /** The call ended without an answer that says whether it booked (a timeout): resolved by status. */
    UNKNOWN,
    /** The CBS booked it. */
    BOOKED,
    /** The CBS did not book it (refused, or known never to have received it). */
    FAILED;

    /** True while the CBS's outcome is not known. */
    public boolean isOpen() {
        return this == INTENDED || this == PENDING || this == UNKNOWN;
    }
}
