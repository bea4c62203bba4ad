package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads fields of a JSON-like tree ({@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}),
 * collecting every problem instead of stopping at the first. Not thread-safe: one per document.
 */
final class DocumentReader {

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Reports members not in {@code allowed}; typos should not be silently ignored. */
    void onlyKnown(Map<String, Object> object, String prefix, Set<String> allowed) {
        object.keySet().stream()
            .filter(key -> !allowed.contains(key))
            .sorted()
            .forEach(key -> error(prefix + key, "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
    }

    Map<String, Object> object(Map<String, Object> parent, String key, String field) {
        Object value = parent.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        error(field, "must be an object");
        return Map.of();
    }

    Optional<String> string(Map<String, Object> parent, String key, String field) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text.strip());
        }
        error(field, "must be a string");
        return Optional.empty();
    }

    Optional<String> requiredString(Map<String, Object> parent, String key, String field) {
        Optional<String> value = string(parent, key, field);
        if (value.isEmpty() && !parent.containsKey(key)) {
            error(field, "is required");
        } else if (value.isPresent() && value.get().isEmpty()) {
            error(field, "must not be empty");
            return Optional.empty();
        }
        return value;
    }

    List<String> strings(Map<String, Object> parent, String key, String field) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error(field, "must be an array of strings");
            return List.of();
        }
        var result = new ArrayList<String>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                result.add(text.strip());
            } else {
                error(field + "[" + i + "]", "must be a string");
            }
        }
        return result;
    }

    int integer(Map<String, Object> parent, String key, String field, int defaultValue, int min, int max) {
        Object value = parent.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = new BigDecimal(value.toString()).intValueExact();
            if (number >= min && number <= max) {
                return number;
            }
            error(field, "must be between " + min + " and " + max + ", was " + number);
        } catch (ArithmeticException | NumberFormatException e) {
            error(field, "must be a whole number");
        }
        return defaultValue;
    }

    /** A plain decimal string (numbers are accepted too), at least {@code min}. */
    Optional<BigDecimal> decimal(Map<String, Object> parent, String key, String field, BigDecimal min) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            error(field, "must be a decimal string such as \"10.50\"");
            return Optional.empty();
        }
        String text = value.toString().strip();
        if (!text.matches("\\d{1,18}(\\.\\d{1,4})?")) {
            error(field, "must be a plain non-negative decimal with at most 4 decimals, was \"" + text + "\"");
            return Optional.empty();
        }
        BigDecimal decimal = new BigDecimal(text);
        if (decimal.compareTo(min) < 0) {
            error(field, "must be at least " + min.toPlainString());
            return Optional.empty();
        }
        return Optional.of(decimal);
    }
}
