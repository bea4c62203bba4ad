package io.coregate.gateway.domain.money;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 currency codes as the Mojaloop APIs use them, and their minor units. Stateless. */
public final class Currencies {

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
        .map(Currency::getCurrencyCode)
        .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /**
     * Checks a request field.
     *
     * @param field the field's name, for the error message
     * @param value the JSON value as read
     * @return the three-letter code
     * @throws GatewayException 3100 naming the field when it is not an ISO 4217 code ({@link #isCode})
     */
    public static String parse(String field, Object value) {
        if (!(value instanceof String code) || !isCode(code)) {
            String shown = value instanceof String s ? "'" + (s.length() > 12 ? s.substring(0, 12) + "…" : s) + "'" : "a non-string value";
            throw new GatewayException(ErrorCode.VALIDATION, field + " " + shown + " is not an ISO 4217 currency code");
        }
        return code;
    }

    /** Whether a string is an ISO 4217 code this JDK knows: the one currency code rule. */
    public static boolean isCode(String value) {
        return value.length() == 3 && CODES.contains(value) && value.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /**
     * Whether an amount has no more decimals than its currency's minor unit ({@link #minorUnit}): the one currency rule
     * for amounts, beside the one code rule {@link #isCode}.
     *
     * @param code an ISO 4217 code ({@link #isCode})
     */
    public static boolean fits(BigDecimal amount, String code) {
        return amount.stripTrailingZeros().scale() <= minorUnit(code);
    }

    /** The number of decimals of a currency's minor unit (2 for ZMW, 0 for JPY); 4 where ISO defines none. */
    public static int minorUnit(String code) {
        int digits = Currency.getInstance(code).getDefaultFractionDigits();
        return digits < 0 ? 4 : Math.min(digits, 4);
    }
}
