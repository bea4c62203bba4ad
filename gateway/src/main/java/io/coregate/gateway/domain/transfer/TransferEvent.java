package io.coregate.gateway.domain.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a transfer's append-only journal.
 *
 * @param seq          1, 2, 3... per transfer
 * @param at           when
 * @param from         the state before (empty for the first entry)
 * @param to           the state after
 * @param cbsReference the CBS reference of the step, if any
 * @param detail       what happened
 */
public record TransferEvent(int seq, Instant at, Optional<TransferState> from, TransferState to, Optional<String> cbsReference,
                            String detail) {
}
