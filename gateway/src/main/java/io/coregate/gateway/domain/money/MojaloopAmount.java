package io.coregate.gateway.domain.money;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Mojaloop {@code Amount} type: a JSON string matching {@code ^([0]|([1-9][0-9]{0,17}))([.][0-9]{0,3}[1-9])?$}
 * (no sign, no exponent, at most four decimals, no trailing zeros). JSON numbers are refused. Stateless.
 */
public final class MojaloopAmount {

    /** The amount pattern of the FSPIOP and SDK specifications. */
    public static final Pattern PATTERN = Pattern.compile("^([0]|([1-9][0-9]{0,17}))([.][0-9]{0,3}[1-9])?$");

    private MojaloopAmount() {
    }

    /**
     * Parses a request field.
     *
     * @param field the field's name, for the error message
     * @param value the JSON value as read
     * @return the amount
     * @throws GatewayException 3100 naming the field when it is not a string in the Mojaloop amount format
     */
    public static BigDecimal parse(String field, Object value) {
        if (!(value instanceof String text)) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " must be a string amount such as \"10.5\""
                + (value == null ? "" : ", not a JSON " + (value instanceof Number ? "number" : "value")));
        }
        if (!PATTERN.matcher(text).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + shorten(text)
                + "' is not a Mojaloop amount (no sign or exponent, at most 4 decimals, no trailing zeros)");
        }
        return new BigDecimal(text);
    }

    /** The amount a string in the Mojaloop amount format stands for; empty for any other string. */
    public static Optional<BigDecimal> read(String text) {
        return PATTERN.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** Formats an amount as Mojaloop writes it: plain, without trailing zeros ({@code "10"}, {@code "10.5"}). */
    public static String format(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("Mojaloop amounts are never negative: " + amount);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
