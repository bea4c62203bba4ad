package io.coregate.plugin.support.keys;

import java.util.Locale;

/** One posting of a transfer, each needing its own idempotency key at the CBS. */
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
    CAPTURE("CP");

    private final String code;

    Leg(String code) {
        this.code = code;
    }

    /** The lower-case name ({@code debit}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The two-letter code ({@code DB}). */
    public String code() {
        return code;
    }
}
