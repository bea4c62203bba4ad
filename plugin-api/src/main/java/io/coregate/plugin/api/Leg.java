package io.coregate.plugin.api;

import java.util.Locale;

/**
 * One money movement of a transfer at the CBS. A transfer has several (a payee transfer: reserve, then commit or
 * release; a payer transfer: debit then perhaps refund, or hold then capture or release), and each needs its own
 * idempotency key at the CBS: a refund sent with the debit's key is replayed as the debit by a key-replaying CBS, or
 * refused as a duplicate by another. The {@link LegKey} of a money call names its leg. Immutable and thread-safe.
 *
 * @since 2.0.0
 */
public enum Leg {
    /** Payee: {@link CoreBankingAdapter#reserveCredit}. */
    RESERVE("reserve"),
    /** Payee: {@link CoreBankingAdapter#commitCredit}. */
    COMMIT("commit"),
    /** Payee: {@link CoreBankingAdapter#releaseCredit}. */
    RELEASE("release"),
    /** Payer: {@link CoreBankingAdapter#debit}. */
    DEBIT("debit"),
    /** Payer: {@link CoreBankingAdapter#refund}. */
    REFUND("refund"),
    /** Payer: {@link CoreBankingAdapter#holdDebit}. */
    HOLD("hold"),
    /** Payer: {@link CoreBankingAdapter#captureDebit}. */
    CAPTURE("capture"),
    /** Payer: {@link CoreBankingAdapter#releaseDebit} (lifts the hold: an "unblock" of the amount block). */
    RELEASE_HOLD("unblock");

    private final String label;

    Leg(String label) {
        this.label = label;
    }

    /**
     * One lower-case word naming the leg in keys ({@code debit}, {@code unblock}); no leg's label ends another's, so a
     * key ending in a label names exactly one leg.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /** The name in lower case, for logs. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
