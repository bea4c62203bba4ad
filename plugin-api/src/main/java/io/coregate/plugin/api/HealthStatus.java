package io.coregate.plugin.api;

import java.util.Objects;

/**
 * Whether the adapter can reach its CBS, in three states: {@link State#UP}, {@link State#DEGRADED} (it answers, but
 * not fully: slow, a secondary endpoint down, a token near expiry, a backlog of pending callbacks) and
 * {@link State#DOWN}. {@link #up()} is true for UP and DEGRADED: a degraded CBS still gets calls. The gateway shows
 * the state in the {@code /observe/health} detail and in two gauges per tenant: {@code coregate_cbs_up} (1 for UP or
 * DEGRADED, 0 for DOWN) and {@code coregate_cbs_degraded} (1 for DEGRADED).
 * Immutable and thread-safe.
 *
 * @param up     reachable and answering (UP or DEGRADED)
 * @param detail a short human-readable explanation (no secrets)
 * @param state  the state; {@code up} follows from it
 */
public record HealthStatus(boolean up, String detail, State state) {

    /**
     * A CBS's health.
     *
     * @since 2.0.0
     */
    public enum State {
        /** Answering normally. */
        UP,
        /** Answering, but impaired; calls are still made. */
        DEGRADED,
        /** Not answering; calls will fail. */
        DOWN
    }

    /**
     * @since 2.0.0
     */
    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(state, "state");
        if (up != (state != State.DOWN)) {
            throw new IllegalArgumentException("up must be " + (state != State.DOWN) + " for " + state);
        }
    }

    /** UP when {@code up}, else DOWN (the 1.x shape). */
    public HealthStatus(boolean up, String detail) {
        this(up, detail, up ? State.UP : State.DOWN);
    }

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail, State.UP);
    }

    /**
     * Answering but impaired.
     *
     * @since 2.0.0
     */
    public static HealthStatus degraded(String detail) {
        return new HealthStatus(true, detail, State.DEGRADED);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail, State.DOWN);
    }
}
