package io.coregate.gateway.http;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}; each admitted request takes one.
 * Thread-safe.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double capacity, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /**
     * Takes a token when there is one.
     *
     * @return 0 when admitted, else the whole seconds (at least 1) until a token will be there
     */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** True when the bucket is full: forgetting it changes nothing, a new one starts full too. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * perSecond);
            refilledAt = nowNanos;
        }
    }
}
