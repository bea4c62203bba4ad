package io.coregate.plugin.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a CBS operation ended: {@link Done done} with a value, {@link Failed failed} with a kind, or {@link Pending
 * pending} when an asynchronous CBS (a GSMA wallet answering 202) accepted the request and will settle it later.
 *
 * <p>How the host resolves a pending money operation: it calls {@link CoreBankingAdapter#status} with the transfer
 * id and the pending {@code cbsReference} (a GSMA {@code serverCorrelationId}) first after {@code checkAfter}, then
 * after the delay a still-pending status asks for (its own {@code checkAfter} when {@code status} answers
 * {@link Pending}, else twice the previous delay), a bounded number of times within a bounded time.
 * {@link TransactionStatus.State#COMPLETED} settles it as done with a {@link Receipt} of the status's reference;
 * {@link TransactionStatus.State#FAILED} as failed ({@link FailureKind#REJECTED}); still pending or not found at the
 * bound as {@link FailureKind#TIMEOUT}: unknown, left to reconciliation. Operations other than money movements
 * (lookups, quotes, balances) should not answer pending.
 * Every outcome is immutable and thread-safe (when its value is).
 *
 * @param <T> the value of a successful operation
 */
public sealed interface Outcome<T> {

    /** The operation completed. */
    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The operation failed; nothing was booked (for {@link FailureKind#TIMEOUT}: not known). */
    record Failed<T>(FailureKind kind, String message) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The CBS accepted the request but has not finished it.
     *
     * @param cbsReference the CBS's reference (server correlation id) to ask {@code status} with
     * @param checkAfter   when asking is worthwhile
     */
    record Pending<T>(String cbsReference, Duration checkAfter) implements Outcome<T> {
        public Pending {
            Objects.requireNonNull(cbsReference, "cbsReference");
            Objects.requireNonNull(checkAfter, "checkAfter");
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> failed(FailureKind kind, String message) {
        return new Failed<>(kind, message);
    }

    static <T> Outcome<T> pending(String cbsReference, Duration checkAfter) {
        return new Pending<>(cbsReference, checkAfter);
    }
}
