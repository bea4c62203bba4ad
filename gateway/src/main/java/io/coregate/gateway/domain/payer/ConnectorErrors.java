package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps an FSPIOP error code reported by the Mojaloop Connector (its {@code statusCode}, or the hub's or payee's
 * {@code lastError.mojaloopError.errorInformation.errorCode}) to the DFSP-facing error: the same code where the
 * gateway knows it (3204 party not found, 5106, 4001, ...), else the generic code of its family (2xxx server error,
 * 3xxx client error, 4xxx payer, 5xxx payee; 1xxx communication errors become 2003). The exact code is kept beside
 * it in {@link ConnectorOutcome.Failed#fspiopCode()}. Stateless.
 */
public final class ConnectorErrors {

    private static final Pattern FSPIOP = Pattern.compile("^[1-9]\\d{3}$");
    private static final Map<String, ErrorCode> KNOWN = Arrays.stream(ErrorCode.values())
        .filter(code -> code != ErrorCode.FORBIDDEN && code != ErrorCode.UNAUTHORIZED)
        .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private ConnectorErrors() {
    }

    /** True when the text is a 4-digit FSPIOP error code (the connector puts a bare HTTP status there when it has none). */
    public static boolean isFspiopCode(String text) {
        return FSPIOP.matcher(text).matches();
    }

    /** The DFSP-facing error for an FSPIOP code. */
    public static ErrorCode of(String fspiopCode) {
        if (!isFspiopCode(fspiopCode)) {
            return ErrorCode.INTERNAL;
        }
        ErrorCode known = KNOWN.get(fspiopCode);
        if (known != null) {
            return known;
        }
        return switch (fspiopCode.charAt(0)) {
            case '1' -> ErrorCode.SERVICE_UNAVAILABLE;
            case '3' -> fspiopCode.startsWith("32") ? ErrorCode.ID_NOT_FOUND
                : fspiopCode.startsWith("33") ? ErrorCode.QUOTE_EXPIRED : ErrorCode.VALIDATION;
            case '4' -> fspiopCode.startsWith("41") ? ErrorCode.PAYER_REJECTION : ErrorCode.PAYER_ERROR;
            case '5' -> fspiopCode.startsWith("51") ? ErrorCode.PAYEE_REJECTION : ErrorCode.PAYEE_ERROR;
            default -> ErrorCode.INTERNAL;
        };
    }
}
