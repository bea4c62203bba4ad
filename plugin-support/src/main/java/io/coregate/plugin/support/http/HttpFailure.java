package io.coregate.plugin.support.http;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import java.util.Objects;

/**
 * A call that produced no usable answer. It is a {@link CbsException}, so an adapter may let it propagate (the host
 * turns it into the failure of its {@link #kind()}) or catch it and answer {@code Outcome.failed(e.kind(), ...)}.
 * The message names the method, host and reason, never a secret. Immutable once thrown.
 */
public final class HttpFailure extends CbsException {

    /** What went wrong, and whether the request may have taken effect. */
    public enum Reason {
        /** No connection (refused, unresolvable host, TLS handshake refused): the request was not sent. */
        CONNECT_FAILED(FailureKind.UNAVAILABLE, true),
        /** No complete answer within the call's timeout: the request may have taken effect. */
        TIMED_OUT(FailureKind.TIMEOUT, true),
        /** The connection broke after the request was sent: it may have taken effect. */
        BROKEN(FailureKind.TIMEOUT, true),
        /** The body exceeded the configured maximum: the answer is unknown. */
        RESPONSE_TOO_LARGE(FailureKind.TIMEOUT, false),
        /** A successful status with a body that is not acceptable JSON (or exceeds the parsing limits). */
        MALFORMED_RESPONSE(FailureKind.TIMEOUT, false),
        /** The calling thread was interrupted (the host abandoned the call). */
        INTERRUPTED(FailureKind.TIMEOUT, false);

        private final FailureKind kind;
        private final boolean retryable;

        Reason(FailureKind kind, boolean retryable) {
            this.kind = kind;
            this.retryable = retryable;
        }

        /**
         * The failure kind to answer: {@link FailureKind#UNAVAILABLE} when the request surely did not take effect,
         * {@link FailureKind#TIMEOUT} (outcome unknown, reconciled later) otherwise.
         */
        public FailureKind kind() {
            return kind;
        }

        /** Whether an idempotent request may be sent again after this. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public HttpFailure(Reason reason, String message) {
        super(reason.kind(), message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public HttpFailure(Reason reason, String message, Throwable cause) {
        super(reason.kind(), message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
