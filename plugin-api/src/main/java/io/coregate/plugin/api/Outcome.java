package io.coregate.plugin.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a CBS operation ended: {@link Done done} with a value, {@link Failed failed} with a kind, or {@link Pending
 * pending} when an asynchronous CBS (a GSMA wallet answering 202) accepted the request and will settle it later.
 * The host resolves a pending outcome by polling {@link CoreBankingAdapter#status} after {@code checkAfter}.
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
