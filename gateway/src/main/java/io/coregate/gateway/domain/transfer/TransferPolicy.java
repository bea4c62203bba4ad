package io.coregate.gateway.domain.transfer;

import java.time.Duration;

/**
 * Timing of the transfer flows ({@code transfers.*} in application.yaml).
 *
 * @param quoteExpiry     how long an answered quote is valid
 * @param reservedGrace   how long after its quote expired a RESERVED transfer is flagged RECONCILE
 * @param retryInterval   how often the reconciliation job runs
 * @param retryBase       the first retry delay; each further one doubles
 * @param retryMax        the longest retry delay
 * @param maxAttempts     retries after which a case waits for an operator
 * @param lease           the margin a lease adds to the worst case of the calls it guards (database writes, scheduling);
 *                        alone, the lease of a step that calls no CBS
 */
public record TransferPolicy(Duration quoteExpiry, Duration reservedGrace, Duration retryInterval, Duration retryBase, Duration retryMax,
                             int maxAttempts, Duration lease) {

    /**
     * The lease guarding {@code calls} CBS calls of at most {@code callTimeout} each (the tenant's
     * {@code cbs.timeoutMillis}; the host abandons a call after it): their worst case plus the {@link #lease} margin,
     * so no other caller takes the transfer over while its holder still waits for the bank.
     */
    public Duration leaseCovering(Duration callTimeout, int calls) {
        return callTimeout.multipliedBy(calls).plus(lease);
    }

    /** The delay before retry number {@code attempt} (1-based): base × 2^(attempt−1), at most {@code retryMax}. */
    public Duration backoff(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = retryBase.multipliedBy(1L << shift);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
