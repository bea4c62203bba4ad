package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validates the operators' liquidity requests field by field; every problem is listed. Stateless. */
public final class LiquidityRequests {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,4})?");

    private LiquidityRequests() {
    }

    /**
     * {@code {"limit": "1000000.00", "alarmPercent": 10, "maxPerTransfer": "50000"}}: limit required, alarm 0 to 100
     * (default 10), maximum optional.
     */
    public static LimitSettings limit(Map<String, Object> body) {
        var errors = new ArrayList<FieldError>();
        unknown(body, Set.of("limit", "alarmPercent", "maxPerTransfer"), errors);
        Optional<BigDecimal> limit = decimal(body, "limit", true, errors);
        int alarm = Balance.DEFAULT_ALARM_PERCENT;
        Object rawAlarm = body.get("alarmPercent");
        if (rawAlarm instanceof Integer || rawAlarm instanceof Long) {
            long value = ((Number) rawAlarm).longValue();
            if (value < 0 || value > 100) {
                errors.add(new FieldError("alarmPercent", "must be between 0 and 100, was " + value));
            }
            alarm = (int) value;
        } else if (rawAlarm != null) {
            errors.add(new FieldError("alarmPercent", "must be a whole number between 0 and 100"));
        }
        Optional<BigDecimal> max = decimal(body, "maxPerTransfer", false, errors);
        if (max.isPresent() && max.get().signum() == 0) {
            errors.add(new FieldError("maxPerTransfer", "must be positive; leave it out for no maximum"));
        }
        throwIf(errors);
        return new LimitSettings(limit.orElseThrow(), alarm, max);
    }

    /** {@code {"type": "FUNDS_IN", "amount": "500.00", "reference": "deposit-2026-11-28"}}. */
    public static Adjustment adjustment(Map<String, Object> body) {
        var errors = new ArrayList<FieldError>();
        unknown(body, Set.of("type", "amount", "reference"), errors);
        Adjustment.Type type = null;
        Object rawType = body.get("type");
        try {
            type = rawType instanceof String text ? Adjustment.Type.valueOf(text) : null;
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            errors.add(new FieldError("type", "must be one of FUNDS_IN, FUNDS_OUT, SETTLEMENT"));
        }
        Optional<BigDecimal> amount = decimal(body, "amount", true, errors);
        if (amount.isPresent() && amount.get().signum() == 0) {
            errors.add(new FieldError("amount", "must be positive"));
        }
        String reference = body.get("reference") instanceof String text ? text.strip() : "";
        if (reference.isEmpty() || reference.length() > LedgerRules.MAX_REFERENCE || !reference.chars().allMatch(c -> c > 31 && c != 127)) {
            errors.add(new FieldError("reference", "is required: 1 to " + LedgerRules.MAX_REFERENCE + " printable characters"));
        }
        throwIf(errors);
        return new Adjustment(type, amount.orElseThrow(), reference);
    }

    private static Optional<BigDecimal> decimal(Map<String, Object> body, String field, boolean required, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: a decimal string such as \"1000.00\""));
            }
            return Optional.empty();
        }
        if (!(value instanceof String text) || !DECIMAL.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a plain decimal string with at most 18 digits and 4 decimals, such as \"1000.00\""));
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    private static void unknown(Map<String, Object> body, Set<String> known, List<FieldError> errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted()
            .forEach(k -> errors.add(new FieldError(k, "is not a known field (known: " + String.join(", ", new TreeSet<>(known)) + ")")));
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
