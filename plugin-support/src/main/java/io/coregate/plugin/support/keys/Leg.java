package io.coregate.plugin.support.keys;

/**
 * One posting of a transfer, each needing its own idempotency key at the CBS: the key formats' view of the plugin
 * API's {@link io.coregate.plugin.api.Leg} (same constants, same labels, plus a two-letter code). An adapter gets the
 * API's leg in every money call's {@link io.coregate.plugin.api.LegKey} and passes that key to
 * {@link LegKeys#key(io.coregate.plugin.api.LegKey)}.
 */
public enum Leg {
    /** Payee: reserve the credit. */
    RESERVE("RS"),
    /** Payee: book the reserved credit. */
    COMMIT("CM"),
    /** Payee: give up the reservation. */
    RELEASE("RL"),
    /** Payer: take the money. */
    DEBIT("DB"),
    /** Payer: give back a debit. */
    REFUND("RF"),
    /** Payer: hold the amount. */
    HOLD("HD"),
    /** Payer: book the held amount. */
    CAPTURE("CP"),
    /** Payer: lift the hold ({@code releaseDebit}). */
    RELEASE_HOLD("UB");

    private final String code;

    Leg(String code) {
        this.code = code;
    }

    /** One lower-case word, the API leg's label ({@code debit}, {@code unblock}). */
    public String label() {
        return api().label();
    }

    /** The plugin API's leg of the same name. */
    public io.coregate.plugin.api.Leg api() {
        return io.coregate.plugin.api.Leg.valueOf(name());
    }

    /** This library's view of an API leg. */
    public static Leg of(io.coregate.plugin.api.Leg leg) {
        return valueOf(leg.name());
    }

    /** The two-letter code ({@code DB}). */
    public String code() {
        return code;
    }
}
