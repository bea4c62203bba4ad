package io.coregate.gateway.domain.cbs;

import io.coregate.plugin.api.TransactionStatus;

import java.util.Optional;

/**
 * What the tenant's adapter read from a stored callback, written onto its row.
 *
 * @param reference    the pending {@code cbsReference} or leg key it settles, when matched
 * @param state        the state it reports, when matched
 * @param cbsReference the booking's reference it names, if any
 * @param detail       why it was not matched (no reader, not readable, the adapter failed), or empty
 */
public record CallbackReading(Optional<String> reference, Optional<TransactionStatus.State> state, Optional<String> cbsReference,
                              Optional<String> detail) {

    /** Matched by the adapter. */
    static CallbackReading matched(String reference, TransactionStatus status) {
        return new CallbackReading(Optional.of(reference), Optional.of(status.state()), status.cbsReference(), Optional.empty());
    }

    /** Stored unmatched, for operators. */
    static CallbackReading unmatched(String why) {
        return new CallbackReading(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why));
    }
}
