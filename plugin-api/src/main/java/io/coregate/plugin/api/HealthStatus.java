package io.coregate.plugin.api;

/**
 * Whether the adapter can reach its CBS.
 * Immutable and thread-safe.
 *
 * @param up     reachable and answering
 * @param detail a short human-readable explanation (no secrets)
 */
public record HealthStatus(boolean up, String detail) {

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
