package io.coregate.plugin.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's {@code cbs.settings} JSON object as plain Java values: {@code Map<String, Object>} for objects,
 * {@code List<Object>} for arrays, {@code String}, {@code BigDecimal}, {@code Boolean}. Immutable.
 * Thread-safe.
 *
 * @param values the top-level members
 */
public record Settings(Map<String, Object> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    /** No settings. */
    public static Settings empty() {
        return new Settings(Map.of());
    }

    /** A member rendered as text (numbers and booleans too). */
    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(Object::toString);
    }

    /** A required text member; a {@link CbsException} naming the key when missing. */
    public String requireString(String key) {
        return string(key).orElseThrow(() -> new CbsException(FailureKind.REJECTED, "cbs.settings." + key + " is required"));
    }

    /** A whole-number member, or the default when absent. */
    public long number(String key, long defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return new BigDecimal(value.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CbsException(FailureKind.REJECTED, "cbs.settings." + key + " must be a whole number");
        }
    }

    /** A boolean member, or the default when absent. */
    public boolean flag(String key, boolean defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }

    /** An array of objects (e.g. accounts), each as settings; empty when absent. */
    public List<Settings> objects(String key) {
        Object value = values.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(Map.class::isInstance)
                .map(item -> new Settings(stringKeys((Map<?, ?>) item)))
                .toList();
    }

    /** A nested object as settings; empty when absent. */
    public Settings object(String key) {
        Object value = values.get(key);
        return value instanceof Map<?, ?> map ? new Settings(stringKeys(map)) : empty();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k.toString(), v);
            }
        });
        return copy;
    }
}
