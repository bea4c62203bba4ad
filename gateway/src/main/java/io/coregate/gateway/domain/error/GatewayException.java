package io.coregate.gateway.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * The gateway's one unchecked root exception: an FSPIOP error with a message that names the problem. The http
 * layer renders it as {@code {"statusCode","message"}} (plus {@code errors} for validation on the admin API).
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public GatewayException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    protected GatewayException(ErrorCode code, String message, List<FieldError> errors, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
    }

    /** The FSPIOP error. */
    public ErrorCode code() {
        return code;
    }

    /** Field-level problems, for validation errors; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }
}
