package io.coregate.gateway.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request or document failed validation; every problem is listed. Answered as 400 with 3100, or 3102 when the first
 * problem is a missing element.
 */
public final class ValidationException extends GatewayException {

    public ValidationException(List<FieldError> errors) {
        this(ErrorCode.VALIDATION, errors);
    }

    /**
     * @param code   3100 or 3102
     * @param errors every problem
     */
    public ValidationException(ErrorCode code, List<FieldError> errors) {
        super(code, summary(errors), errors, null);
    }

    /** A single invalid field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
