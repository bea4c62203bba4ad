package io.coregate.plugin.support.errors;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Settings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link FailureKind} a vendor error code means. The plugin ships defaults; a tenant's settings object (e.g.
 * {@code "errorCodes": {"AC-04": "BLOCKED", "*": "REJECTED"}}) adds or replaces entries, and {@code "*"} replaces the
 * fallback for codes in neither. Codes are matched exactly (vendors distinguish case). Immutable and thread-safe.
 */
public final class ErrorTable {

    /** The settings entry that replaces the fallback. */
    public static final String FALLBACK_KEY = "*";

    private final Map<String, FailureKind> kinds;
    private final FailureKind fallback;

    private ErrorTable(Map<String, FailureKind> kinds, FailureKind fallback) {
        this.kinds = Map.copyOf(kinds);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The plugin's defaults; codes not listed mean {@code fallback}. */
    public static ErrorTable of(Map<String, FailureKind> defaults, FailureKind fallback) {
        return new ErrorTable(defaults, fallback);
    }

    /**
     * These defaults with the tenant's entries of {@code settings.object(key)} on top.
     *
     * @throws CbsException {@link FailureKind#REJECTED} naming {@code cbs.settings.<key>.<code>} when a value is not
     *                      the name of a failure kind (checked when the adapter is created, i.e. at onboarding)
     */
    public ErrorTable withOverrides(Settings settings, String key) {
        Map<String, FailureKind> merged = new LinkedHashMap<>(kinds);
        FailureKind newFallback = fallback;
        for (Map.Entry<String, Object> entry : settings.object(key).values().entrySet()) {
            FailureKind kind = parse(key + "." + entry.getKey(), entry.getValue());
            if (entry.getKey().equals(FALLBACK_KEY)) {
                newFallback = kind;
            } else {
                merged.put(entry.getKey(), kind);
            }
        }
        return new ErrorTable(merged, newFallback);
    }

    /** The kind the code means, or the fallback. */
    public FailureKind kindOf(String code) {
        return kinds.getOrDefault(code, fallback);
    }

    /** The kind the code means when the table lists it. */
    public Optional<FailureKind> lookup(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    /** A failed outcome of the code's kind, its message naming the code. */
    public <T> Outcome<T> failed(String code, String message) {
        return Outcome.failed(kindOf(code), message + " (vendor code " + code + ")");
    }

    private static FailureKind parse(String path, Object value) {
        String name = value.toString().trim();
        return Arrays.stream(FailureKind.values())
                .filter(kind -> kind.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new CbsException(FailureKind.REJECTED, "cbs.settings." + path + ": '" + name
                        + "' is not a failure kind; use one of " + Arrays.toString(FailureKind.values())));
    }
}
