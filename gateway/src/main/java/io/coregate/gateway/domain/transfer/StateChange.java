package io.coregate.gateway.domain.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * One state change, applied in one transaction with its journal entry, and only if the transfer is still in
 * {@code from}.
 *
 * @param from         the state the transfer must be in
 * @param to           the new state (checked against the state machine)
 * @param targetState  for RECONCILE: the intended final state
 * @param cbsReference the CBS reference of the step
 * @param detail       the journal text
 * @param answer       the answer to store for replay, if it changes
 * @param lastError    the CBS failure, if any
 * @param attempts     the reconciliation attempts after this change
 * @param nextRetryAt  when reconciliation tries next
 * @param fence        the lease this change is made under: applied only while the transfer's lease generation is still
 *                     this one (empty: a change made under no lease)
 * @param keepLease    true when the caller goes on holding the lease after the change (it calls the CBS next); else the
 *                     change clears it
 */
public record StateChange(TransferState from, TransferState to, Optional<TransferState> targetState, Optional<String> cbsReference,
                          String detail, Optional<StoredAnswer> answer, Optional<String> lastError, int attempts,
                          Optional<Instant> nextRetryAt, Optional<Fence> fence, boolean keepLease) {

    public StateChange {
        from.moveTo(to);
    }

    /** A change that clears the lease. */
    public StateChange(TransferState from, TransferState to, Optional<TransferState> targetState, Optional<String> cbsReference,
                       String detail, Optional<StoredAnswer> answer, Optional<String> lastError, int attempts,
                       Optional<Instant> nextRetryAt, Optional<Fence> fence) {
        this(from, to, targetState, cbsReference, detail, answer, lastError, attempts, nextRetryAt, fence, false);
    }

    /** This change, after which its caller still holds the lease (its CBS call follows). */
    public StateChange keepingLease() {
        return new StateChange(from, to, targetState, cbsReference, detail, answer, lastError, attempts, nextRetryAt, fence, true);
    }

    /** A change made under no lease. */
    public StateChange(TransferState from, TransferState to, Optional<TransferState> targetState, Optional<String> cbsReference,
                       String detail, Optional<StoredAnswer> answer, Optional<String> lastError, int attempts,
                       Optional<Instant> nextRetryAt) {
        this(from, to, targetState, cbsReference, detail, answer, lastError, attempts, nextRetryAt, Optional.empty(), false);
    }

    /** This change, applied only while {@code lease} is the transfer's current lease. */
    public StateChange fenced(Fence lease) {
        return new StateChange(from, to, targetState, cbsReference, detail, answer, lastError, attempts, nextRetryAt, Optional.of(lease),
            keepLease);
    }

    /** A plain change with a CBS reference and a new answer. */
    public static StateChange of(TransferState from, TransferState to, Optional<String> cbsReference, String detail,
                                 StoredAnswer answer) {
        return new StateChange(from, to, Optional.empty(), cbsReference, detail, Optional.of(answer), Optional.empty(), 0, Optional.empty());
    }
}
