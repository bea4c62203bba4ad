package io.coregate.gateway.domain.cbs;

import io.coregate.plugin.api.TransactionStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored callback that settles a pending money call: its CBS said COMPLETED or FAILED. Immutable.
 *
 * @param callbackId   the stored callback's id
 * @param reference    the pending {@code cbsReference} or leg key ({@code LegKey.value()}) it names
 * @param state        {@link TransactionStatus.State#COMPLETED} or {@link TransactionStatus.State#FAILED}
 * @param cbsReference the booking's reference, when COMPLETED and named
 * @param receivedAt   when the gateway received it
 */
public record SettledCallback(long callbackId, String reference, TransactionStatus.State state, Optional<String> cbsReference,
                              Instant receivedAt) {

    public SettledCallback {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(cbsReference, "cbsReference");
        if (state != TransactionStatus.State.COMPLETED && state != TransactionStatus.State.FAILED) {
            throw new IllegalArgumentException("a settled callback is COMPLETED or FAILED, not " + state);
        }
    }

    /** The outcome as a status, as the adapter's {@code status} would answer it. */
    public TransactionStatus status() {
        return new TransactionStatus(state, cbsReference);
    }
}
