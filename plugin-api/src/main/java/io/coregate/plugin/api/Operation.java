package io.coregate.plugin.api;

/**
 * The kinds of adapter call that a tenant may give different timeouts ({@code cbs.timeouts} in the tenant document):
 * a lookup should answer fast, a posting may take longer. Immutable and thread-safe.
 *
 * @since 2.0.0
 */
public enum Operation {
    /** {@link CoreBankingAdapter#lookupParty}. */
    LOOKUP("lookup"),
    /** {@link CoreBankingAdapter#quote} and {@link CoreBankingAdapter#balance}. */
    QUOTE("quote"),
    /** Every money call: reserve, commit, release, debit, refund, hold, capture, release of a hold. */
    POSTING("posting"),
    /** {@link CoreBankingAdapter#status}. */
    STATUS("status"),
    /** {@link CoreBankingAdapter#health}. */
    HEALTH("health");

    private final String key;

    Operation(String key) {
        this.key = key;
    }

    /** Its key under {@code cbs.timeouts} ({@code posting}). */
    public String key() {
        return key;
    }

    /**
     * The kind of an adapter method, by its name ({@code commitCredit} is a {@link #POSTING}).
     *
     * @param method a {@link CoreBankingAdapter} method name
     * @return its kind; {@link #POSTING} for an unknown name (the longest allowance is the safe side)
     */
    public static Operation of(String method) {
        return switch (method) {
            case "lookupParty" -> LOOKUP;
            case "quote", "balance", "capabilities", "supportedIdTypes" -> QUOTE;
            case "status" -> STATUS;
            case "health" -> HEALTH;
            default -> POSTING;
        };
    }
}
