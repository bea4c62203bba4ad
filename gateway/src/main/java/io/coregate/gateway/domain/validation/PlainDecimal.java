package io.coregate.gateway.domain.validation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operators' decimals (limits, fees, adjustments): a plain non-negative decimal string of at most 18 digits and 4
 * decimals ({@code "1000.00"}); unlike a Mojaloop amount, trailing zeros are kept as written. Stateless.
 */
public final class PlainDecimal {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,4})?");

    private PlainDecimal() {
    }

    /**
     * An optional decimal: empty when absent or invalid (the problem then reported to {@code check}).
     *
     * @param check where a problem goes
     * @param name  the field's name
     * @param value the text as bound, or null when absent
     * @return the decimal
     */
    public static Optional<BigDecimal> optional(Check check, String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!DECIMAL.matcher(value).matches()) {
            check.invalid(name, "must be a plain non-negative decimal string with at most 18 digits and 4 decimals, such as \"1000.00\", "
                + "was \"" + Rules.shown(value, 40) + "\"");
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** A required decimal, reported as required (3100) when absent. */
    public static Optional<BigDecimal> required(Check check, String name, String value) {
        if (value == null) {
            check.invalid(name, "is required: a decimal string such as \"1000.00\"");
            return Optional.empty();
        }
        return optional(check, name, value);
    }

    /** The decimal of a value that passed {@link #optional}; empty when absent. */
    public static Optional<BigDecimal> of(String value) {
        return value == null || !DECIMAL.matcher(value).matches() ? Optional.empty() : Optional.of(new BigDecimal(value));
    }
}
