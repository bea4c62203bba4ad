package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.money.Currencies;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.validation.Rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the fields of one DFSP channel request, collecting every problem with the path of its field, then fails once
 * with all of them ({@link #done()}). Not thread-safe: one per request.
 */
final class RequestReader {

    /** Mojaloop's amount format, the one rule of {@link MojaloopAmount}. */
    static final Pattern AMOUNT = MojaloopAmount.PATTERN;
    static final int MAX_ID = 128;

    private final List<FieldError> errors = new ArrayList<>();

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A required string of 1 to {@code MAX_ID} characters, not blank. */
    Optional<String> id(Map<String, Object> body, String key, String field) {
        return text(body, key, field, true).filter(value -> {
            if (value.isBlank() || value.length() > MAX_ID) {
                error(field, "must be 1 to " + MAX_ID + " characters, not blank");
                return false;
            }
            return true;
        });
    }

    /** A string field; when required and absent, an error. */
    Optional<String> text(Map<String, Object> body, String key, String field, boolean required) {
        Object value = body.get(key);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            error(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A required boolean (a JSON {@code true} or {@code false}, never a string). */
    Optional<Boolean> bool(Map<String, Object> body, String key, String field) {
        Object value = body.get(key);
        if (!(value instanceof Boolean flag)) {
            error(field, value == null ? "is required" : "must be true or false");
            return Optional.empty();
        }
        return Optional.of(flag);
    }

    /** A required JSON object. */
    Optional<Map<String, Object>> object(Map<String, Object> body, String key, String field) {
        Object value = body.get(key);
        if (!(value instanceof Map<?, ?> map)) {
            error(field, value == null ? "is required" : "must be an object");
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return Optional.of(object);
    }

    /** An FSPIOP party id type; {@code fallback} when absent and not required. */
    Optional<String> idType(Map<String, Object> body, String key, String field, Optional<String> fallback) {
        Optional<String> value = text(body, key, field, fallback.isEmpty()).or(() -> fallback);
        return value.filter(type -> {
            if (!Rules.ID_TYPE_SET.contains(type)) {
                error(field, "must be an FSPIOP party id type (" + String.join(", ", new java.util.TreeSet<>(Rules.ID_TYPE_SET)) + ")");
                return false;
            }
            return true;
        });
    }

    /** A positive amount as a string in the Mojaloop format. */
    Optional<BigDecimal> amount(Map<String, Object> body, String key, String field) {
        return text(body, key, field, true).flatMap(text -> {
            Optional<BigDecimal> amount = MojaloopAmount.read(text);
            if (amount.isEmpty()) {
                error(field, "must be a decimal string such as \"10\" or \"10.5\" (Mojaloop amount format)");
            } else if (amount.get().signum() <= 0) {
                error(field, "must be greater than 0");
                return Optional.empty();
            }
            return amount;
        });
    }

    /** One of the tenant's currencies. */
    Optional<String> currency(Map<String, Object> body, String key, String field, TenantDocument tenant) {
        return text(body, key, field, true).filter(code -> {
            if (!tenant.currencies().contains(code)) {
                error(field, "must be one of the tenant's currencies " + tenant.currencies());
                return false;
            }
            return true;
        });
    }

    /** Checks that an amount has no more decimals than its currency's minor unit ({@link Currencies#fits}). */
    void fitsCurrency(String field, BigDecimal amount, String currency) {
        if (!Currencies.fits(amount, currency)) {
            error(field, "has more decimals than " + currency + " allows (" + Currencies.minorUnit(currency) + ")");
        }
    }

    /** Fails with every collected problem, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
