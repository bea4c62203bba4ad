package io.coregate.plugin.api;

import java.util.Objects;

/**
 * The one exception type of the plugin API: a typed CBS failure. Adapters may throw it instead of returning
 * {@link Outcome.Failed}; the host turns it into the same failure. The message must name the problem and never
 * contain secrets or customer credentials.
 * Thread-safety: its state is final once constructed; it may be thrown on a call's worker thread and read on another.
 */
public class CbsException extends RuntimeException {

    private final FailureKind kind;

    public CbsException(FailureKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public CbsException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Why the operation failed. */
    public FailureKind kind() {
        return kind;
    }
}
