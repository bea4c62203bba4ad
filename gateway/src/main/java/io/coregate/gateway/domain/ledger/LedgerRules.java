package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.money.Currencies;

import java.math.BigDecimal;

/** The ledger's rules on amounts and its refusals, shared by every implementation. Stateless. */
public final class LedgerRules {

    /** The most decimals an amount may carry (Mojaloop's amount format). */
    public static final int MAX_SCALE = 4;
    /** The most integer digits an amount may carry. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The longest reference accepted. */
    public static final int MAX_REFERENCE = 128;

    private LedgerRules() {
    }

    /** A positive amount with at most 4 decimals and 18 integer digits; 3100 naming the field otherwise. */
    public static BigDecimal positive(String field, BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (amount.signum() <= 0) {
            throw ValidationException.of(field, "must be positive, was " + amount.toPlainString());
        }
        if (stripped.scale() > MAX_SCALE || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw ValidationException.of(field, "must have at most " + MAX_INTEGER_DIGITS + " digits and " + MAX_SCALE + " decimals");
        }
        return amount;
    }

    /** A reference of 1 to 128 printable characters; 3100 naming the field otherwise. */
    public static String reference(String field, String reference) {
        if (reference.isBlank() || reference.length() > MAX_REFERENCE || !reference.chars().allMatch(c -> c > 31 && c != 127)) {
            throw ValidationException.of(field, "must be 1 to " + MAX_REFERENCE + " printable characters");
        }
        return reference;
    }

    /** An ISO 4217 code; 3100 otherwise. */
    public static String currency(String currency) {
        if (!Currencies.isCode(currency)) {
            throw ValidationException.of("currency", "'" + shorten(currency) + "' is not an ISO 4217 currency code");
        }
        return currency;
    }

    /** Why a reservation of {@code amount} is refused, given the balance it did not fit: 4200 above the maximum, else 4001. */
    public static GatewayException refusal(Balance balance, BigDecimal amount) {
        if (balance.maxPerTransfer().isPresent() && amount.compareTo(balance.maxPerTransfer().get()) > 0) {
            return new GatewayException(ErrorCode.PAYER_LIMIT, "transfer amount " + amount.toPlainString() + " " + balance.currency()
                + " is above the per-transfer maximum " + balance.maxPerTransfer().get().toPlainString());
        }
        return new GatewayException(ErrorCode.PAYER_INSUFFICIENT_LIQUIDITY, "liquidity available " + balance.available().toPlainString()
            + " " + balance.currency() + " is less than the transfer amount " + amount.toPlainString());
    }

    /** Funds out that would take available below zero; 3100. */
    public static GatewayException fundsOutTooLarge(Balance balance, BigDecimal amount) {
        return ValidationException.of("amount", "funds out of " + amount.toPlainString() + " would leave available at "
            + balance.available().subtract(amount).toPlainString() + " " + balance.currency() + "; at most "
            + balance.available().max(BigDecimal.ZERO).toPlainString() + " can be taken out");
    }

    /** A reference reused with different content; 3106. */
    public static GatewayException modified(String what, String reference) {
        return new GatewayException(ErrorCode.MODIFIED_REQUEST, what + " '" + shorten(reference) + "' already exists with different content");
    }

    /** No reservation with that reference; 3200. */
    public static GatewayException unknownReservation(String reference) {
        return new GatewayException(ErrorCode.ID_NOT_FOUND, "no liquidity reservation '" + shorten(reference) + "'");
    }

    /** A post of a voided (failed or expired) reservation; 3303. */
    public static GatewayException voidedCannotPost(String reference) {
        return new GatewayException(ErrorCode.TRANSFER_EXPIRED, "liquidity reservation '" + shorten(reference)
            + "' was already voided or expired and cannot be posted");
    }

    static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
