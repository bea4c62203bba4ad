package io.coregate.plugin.api;

import java.util.Objects;

/**
 * The idempotency key of one leg of one transfer, and which attempt at that leg a call is.
 *
 * <p>Contract: {@link #value()} is the same on every call of the same leg of the same transfer (a retry after a
 * timeout, a repeated notification, the reconciliation job, a restart) and differs between the legs of one transfer
 * (the refund never carries the debit's key). An adapter gives it to its CBS as the request's idempotency key or
 * reference where the CBS has one (Fineract's {@code Idempotency-Key}, a GSMA {@code X-CorrelationID}, a T24 external
 * reference); where the CBS accepts only a shorter or plainer reference, {@code plugin-support}'s {@code LegKeys}
 * derives one from {@link #transferId()} and {@link #leg()} in the vendor's format, still stable and distinct.
 *
 * <p>{@link #attempt()} is 1 on the gateway's first call of the leg and grows each time it calls the leg again
 * after an answer that did not confirm it. An adapter may run a costly look-up-before-retry ("did my earlier request
 * book?") only when {@link #isRetry()}; but a crash can repeat attempt 1, so the CBS-side key must make every call
 * safe. Immutable and thread-safe.
 *
 * @param transferId the Mojaloop transfer id the leg belongs to
 * @param leg        which movement
 * @param attempt    1 on the first call of this leg, then 2, 3, ...
 * @since 2.0.0
 */
public record LegKey(String transferId, Leg leg, int attempt) {

    /** The longest {@link #value()}: a transfer id of at most 48 characters keeps its form. */
    public static final int MAX_LENGTH = 64;

    public LegKey {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(leg, "leg");
        if (transferId.isEmpty()) {
            throw new IllegalArgumentException("transferId must not be empty");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /** The first attempt at a leg. */
    public static LegKey first(String transferId, Leg leg) {
        return new LegKey(transferId, leg, 1);
    }

    /**
     * The key in its standard form, {@code <transferId>-<leg label>} (a UUID transfer id gives
     * {@code b51ec534-ee48-4575-b6a9-ead2955b8069-debit}): what {@code plugin-support}'s {@code LegKeys.standard()}
     * gives for the same transfer id and leg. Mojaloop transfer ids (UUIDs, ULIDs) always fit {@link #MAX_LENGTH};
     * an adapter whose CBS takes another format uses {@code LegKeys}.
     *
     * @return the key, independent of the attempt
     */
    public String value() {
        return transferId + "-" + leg.label();
    }

    /** True when the gateway called this leg before (attempt 2 or more). */
    public boolean isRetry() {
        return attempt > 1;
    }
}
