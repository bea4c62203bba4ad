package io.coregate.plugin.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in a currency. Never a floating-point number.
 * Immutable and thread-safe.
 *
 * @param amount   the amount, non-negative
 * @param currency the ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Parses a decimal string amount. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The amount without trailing zeros, as Mojaloop writes it ({@code "10"}, {@code "10.5"}). */
    public String plain() {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** As people read it in logs and journals: {@code "10.5 ZMW"}. */
    @Override
    public String toString() {
        return plain() + " " + currency;
    }
}
