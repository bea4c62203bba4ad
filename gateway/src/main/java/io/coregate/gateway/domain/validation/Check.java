package io.coregate.gateway.domain.validation;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.money.Currencies;
import io.coregate.gateway.domain.money.MojaloopAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the problems of one request or document, each with its JSON path, and ends in {@link #done()}: nothing
 * when all is well, else one {@link GatewayException} listing every problem, coded by the first (3102 for a missing
 * element, 3100 otherwise). A check made {@link #at} a nested path writes to the same list. Not thread-safe: one per
 * request.
 */
public final class Check {

    private record Problem(ErrorCode code, FieldError error) {
    }

    private final List<Problem> problems;
    private final String prefix;

    private Check(List<Problem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    /** A new, empty check. */
    public static Check start() {
        return new Check(new ArrayList<>(), "");
    }

    /** Checks a validated value completely: its problems, if any, thrown at once. */
    public static <T extends Validated> T valid(T value) {
        Check check = start();
        value.check(check);
        check.done();
        return value;
    }

    /** The same check for the fields under {@code name}. */
    public Check at(String name) {
        return new Check(problems, path(name) + ".");
    }

    /** The full path of a field of this check. */
    public String path(String name) {
        return prefix + name;
    }

    /** Whether any problem was reported so far. */
    public boolean failed() {
        return !problems.isEmpty();
    }

    /** Reports a problem with a field (3100). */
    public void invalid(String name, String message) {
        problems.add(new Problem(ErrorCode.VALIDATION, new FieldError(path(name), message)));
    }

    /** Reports a missing field (3102). */
    public void missing(String name) {
        problems.add(new Problem(ErrorCode.MISSING_ELEMENT, new FieldError(path(name), "is missing")));
    }

    /** Whether a required value is present; reports it missing otherwise. */
    public boolean present(String name, Object value) {
        if (value == null) {
            missing(name);
            return false;
        }
        return true;
    }

    /** A required nested value, checked with its own fields under {@code name}. */
    public void nested(String name, Validated value) {
        if (present(name, value)) {
            value.check(at(name));
        }
    }

    /** An optional nested value, checked when present. */
    public void optionalNested(String name, Validated value) {
        if (value != null) {
            value.check(at(name));
        }
    }

    /** A required non-blank string of at most {@code max} characters, without control characters. */
    public void text(String name, String value, int max) {
        if (present(name, value) && (value.isBlank() || value.length() > max)) {
            invalid(name, "must be a string of 1 to " + max + " characters");
        } else if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            invalid(name, "must not contain control characters");
        }
    }

    /** An optional string of 1 to {@code max} characters. */
    public void optionalText(String name, String value, int max) {
        if (value != null) {
            text(name, value, max);
        }
    }

    /** A required string from a closed set. */
    public void oneOf(String name, String value, Set<String> allowed) {
        text(name, value, 64);
        if (value != null && !value.isBlank() && value.length() <= 64 && !allowed.contains(value)) {
            invalid(name, "'" + value + "' must be one of " + allowed.stream().sorted().toList());
        }
    }

    /** A required party id type. */
    public void idType(String name, String value) {
        oneOf(name, value, Rules.ID_TYPE_SET);
    }

    /** A required UUID/ULID ({@code CorrelationId}). */
    public void correlationId(String name, String value) {
        text(name, value, 64);
        if (value != null && !value.isBlank() && value.length() <= 64 && !Rules.CORRELATION_ID.matcher(value).matches()) {
            invalid(name, "'" + Rules.shown(value, 40) + "' is not a lower-case UUID or upper-case ULID");
        }
    }

    /** A required Mojaloop amount (a string; see {@link MojaloopAmount}), greater than zero when {@code positive}. */
    public void amount(String name, String value, boolean positive) {
        if (!present(name, value)) {
            return;
        }
        Optional<BigDecimal> amount = MojaloopAmount.read(value);
        if (amount.isEmpty()) {
            invalid(name, "'" + Rules.shown(value, 40) + "' is not a Mojaloop amount (no sign or exponent, at most 4 decimals, "
                + "no trailing zeros)");
        } else if (positive && amount.get().signum() <= 0) {
            invalid(name, "must be greater than zero");
        }
    }

    /** A required ISO 4217 currency code. */
    public void currency(String name, String value) {
        if (present(name, value) && !Currencies.isCode(value)) {
            invalid(name, "'" + Rules.shown(value, 12) + "' is not an ISO 4217 currency code");
        }
    }

    /**
     * Ends the check.
     *
     * @throws GatewayException listing every problem when there is any, coded by the first
     */
    public void done() {
        if (problems.isEmpty()) {
            return;
        }
        List<FieldError> errors = problems.stream().map(Problem::error).toList();
        ErrorCode code = problems.getFirst().code();
        throw code == ErrorCode.VALIDATION ? new ValidationException(errors) : new ValidationException(code, errors);
    }
}
