package io.coregate.plugin.api;

import java.util.Optional;

/**
 * What the CBS knows of a transaction the gateway asked about.
 * Immutable and thread-safe.
 *
 * @param state        where it stands
 * @param cbsReference the CBS's id for it, if found
 */
public record TransactionStatus(State state, Optional<String> cbsReference) {

    /** A CBS transaction's state. */
    public enum State {
        /** Booked. */
        COMPLETED,
        /** Still being processed. */
        PENDING,
        /** Refused or reversed: no money moved. */
        FAILED,
        /** The CBS has no record of it. */
        NOT_FOUND
    }
}
