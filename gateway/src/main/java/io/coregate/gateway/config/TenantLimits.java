package io.coregate.gateway.config;

import java.time.Duration;

/**
 * How much of the sdk (3003) and dfsp (3004) listeners one tenant may use, so one DFSP cannot exhaust the gateway for
 * the others. Counted per tenant and per listener.
 *
 * @param requestsPerSecond the sustained request rate ({@code limits.tenant-requests-per-second}); 0 turns the rate
 *                          limit off
 * @param burst             requests admitted at once after a quiet period ({@code limits.tenant-burst})
 * @param maxInFlight       requests being served at the same time ({@code limits.tenant-max-in-flight}), which bounds
 *                          the tenant's threads and, through them, its use of the database pool
 * @param queueWait         how long a request over {@code maxInFlight} waits for a turn before it is refused
 *                          ({@code limits.tenant-queue-wait-millis})
 * @param dbSharePercent    the share of the database pool one tenant's requests may hold at once
 *                          ({@code limits.tenant-db-share-percent}, 1–100; at least one connection)
 */
public record TenantLimits(int requestsPerSecond, int burst, int maxInFlight, Duration queueWait, int dbSharePercent) {

    /** The connections one tenant may hold out of a pool of {@code poolSize}. */
    public int dbConnections(int poolSize) {
        return Math.max(1, poolSize * dbSharePercent / 100);
    }

    /** True when the rate limit applies. */
    public boolean rateLimited() {
        return requestsPerSecond > 0;
    }
}
