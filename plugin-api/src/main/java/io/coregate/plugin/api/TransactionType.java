package io.coregate.plugin.api;

/**
 * The Mojaloop transaction scenario of a transfer. A CBS may book them differently: a GSMA provider uses its
 * {@code transfer} type for {@link #TRANSFER} and {@code merchantpay} for {@link #PAYMENT}. Immutable and thread-safe.
 *
 * @since 2.0.0
 */
public enum TransactionType {
    /** Person to person (P2P). */
    TRANSFER,
    /** A payment to a merchant or business (P2B, the gateway's {@code merchant-payment}). */
    PAYMENT,
    /** Cash in at an agent. */
    DEPOSIT,
    /** Cash out at an agent. */
    WITHDRAWAL,
    /** A refund of an earlier transaction. */
    REFUND;

    /**
     * The type named by a Mojaloop {@code transactionType} or scenario ({@code TRANSFER}, {@code PAYMENT}, ...).
     *
     * @param name the name, any case
     * @return the type; {@link #TRANSFER} for a name this API does not know
     */
    public static TransactionType of(String name) {
        for (TransactionType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        return TRANSFER;
    }
}
