package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * Resolves an {@link Outcome.Pending} money operation (an asynchronous CBS such as a GSMA wallet answered 202) by
 * polling the adapter's {@code status} with the pending {@code cbsReference}: first after {@code checkAfter}, then
 * with the delay doubled up to {@code maxDelay}, at most {@code maxPolls} times and never past {@code budget}.
 * {@code COMPLETED} becomes {@code Done(Receipt)}, {@code FAILED} becomes {@code Failed(REJECTED)}; a status still
 * pending (or not found yet) when the bounds are reached ends as {@code Failed(TIMEOUT)}: the outcome is unknown and
 * the caller reconciles (e.g. marks the transfer {@code RECONCILE}). Done and failed outcomes pass through unchanged.
 * Sleeps on the calling (virtual) thread. Immutable and thread-safe.
 *
 * @param budget   the longest the whole resolution may take
 * @param maxPolls how many {@code status} calls at most
 * @param maxDelay the longest pause between two polls
 */
public record PendingOutcomes(Duration budget, int maxPolls, Duration maxDelay) {

    /** Bounds suited to a synchronous API answer: 30 s, 20 polls, at most 5 s apart. */
    public static PendingOutcomes defaults() {
        return new PendingOutcomes(Duration.ofSeconds(30), 20, Duration.ofSeconds(5));
    }

    /**
     * Settles an outcome.
     *
     * @param cbs        the port to the tenant's adapter
     * @param tenant     whose CBS answered
     * @param transferId the transfer the operation was for
     * @param first      what the money operation answered
     * @return a done or failed outcome, never pending
     */
    public Outcome<Receipt> settle(CoreBanking cbs, Tenant tenant, String transferId, Outcome<Receipt> first) {
        if (!(first instanceof Outcome.Pending<Receipt> pending)) {
            return first;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        String reference = pending.cbsReference();
        Duration delay = pending.checkAfter();
        for (int poll = 1; poll <= maxPolls; poll++) {
            Duration pause = clamp(delay, Duration.ofNanos(deadline - System.nanoTime()));
            if (pause.isNegative() || pause.isZero() || !sleep(pause)) {
                break;
            }
            Outcome<TransactionStatus> status = cbs.call(tenant, "status", adapter -> adapter.status(transferId, Optional.of(reference)));
            Optional<Outcome<Receipt>> settled = settled(status, reference);
            if (settled.isPresent()) {
                return settled.get();
            }
            delay = status instanceof Outcome.Pending<TransactionStatus> again ? again.checkAfter() : delay.multipliedBy(2);
        }
        return Outcome.failed(FailureKind.TIMEOUT, "the CBS had not settled pending request " + reference + " within " + budget.toMillis()
            + " ms / " + maxPolls + " polls");
    }

    private static Optional<Outcome<Receipt>> settled(Outcome<TransactionStatus> status, String reference) {
        if (!(status instanceof Outcome.Done<TransactionStatus> done)) {
            return Optional.empty();
        }
        TransactionStatus value = done.value();
        return switch (value.state()) {
            case COMPLETED -> Optional.of(Outcome.done(new Receipt(value.cbsReference().orElse(reference))));
            case FAILED -> Optional.of(Outcome.failed(FailureKind.REJECTED, "the CBS failed pending request " + reference));
            case PENDING, NOT_FOUND -> Optional.empty();
        };
    }

    private Duration clamp(Duration delay, Duration remaining) {
        Duration wanted = delay.isNegative() || delay.isZero() ? Duration.ofMillis(1) : delay;
        Duration capped = wanted.compareTo(maxDelay) > 0 ? maxDelay : wanted;
        return remaining.compareTo(capped) < 0 ? remaining : capped;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
