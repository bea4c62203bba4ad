package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads fields of a JSON object (as plain Java values) strictly, naming the field in every error. Stateless. */
public final class Fields {

    /** The spec's {@code CorrelationId}: a lower-case UUID or an upper-case ULID. */
    public static final Pattern CORRELATION_ID =
        Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[1-7][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^[0-9A-HJKMNP-TV-Z]{26}$");

    private Fields() {
    }

    /** A required nested object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> body, String path, String name) {
        Object value = body.get(name);
        if (value == null) {
            throw missing(path + name);
        }
        if (!(value instanceof Map)) {
            throw new GatewayException(ErrorCode.VALIDATION, path + name + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** An optional nested object. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> optionalObject(Map<String, Object> body, String name) {
        return body.get(name) instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    /** A required non-blank string of at most {@code max} characters. */
    public static String text(Map<String, Object> body, String path, String name, int max) {
        Object value = body.get(name);
        if (value == null) {
            throw missing(path + name);
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
            throw new GatewayException(ErrorCode.VALIDATION, path + name + " must be a string of 1 to " + max + " characters");
        }
        return text;
    }

    /** An optional string. */
    public static Optional<String> optionalText(Map<String, Object> body, String path, String name, int max) {
        return body.get(name) == null ? Optional.empty() : Optional.of(text(body, path, name, max));
    }

    /** A required string from a closed set. */
    public static String oneOf(Map<String, Object> body, String path, String name, Set<String> allowed) {
        String value = text(body, path, name, 64);
        if (!allowed.contains(value)) {
            throw new GatewayException(ErrorCode.VALIDATION, path + name + " '" + value + "' must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    /** A required UUID/ULID ({@code CorrelationId}). */
    public static String correlationId(Map<String, Object> body, String path, String name) {
        return checkId(path + name, text(body, path, name, 64));
    }

    /** Checks a UUID/ULID given in a path. */
    public static String checkId(String field, String value) {
        if (!CORRELATION_ID.matcher(value).matches()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + shown + "' is not a lower-case UUID or upper-case ULID");
        }
        return value;
    }

    private static GatewayException missing(String field) {
        return new GatewayException(ErrorCode.MISSING_ELEMENT, field + " is missing");
    }
}
