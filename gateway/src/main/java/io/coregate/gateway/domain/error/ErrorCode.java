package io.coregate.gateway.domain.error;

/**
 * The FSPIOP error codes the gateway answers with, and the HTTP status each naturally takes. The sdk listener
 * narrows statuses to what the backend spec declares (400, 404, 500); see the http layer's error handler.
 */
public enum ErrorCode {
    INTERNAL("2001", 500, "Internal server error"),
    NOT_IMPLEMENTED("2002", 501, "Not implemented"),
    SERVICE_UNAVAILABLE("2003", 503, "Service currently unavailable"),
    CBS_TIMEOUT("2004", 504, "Server timed out"),
    SERVER_BUSY("2005", 503, "Server busy"),
    UNKNOWN_URI("3002", 404, "Unknown URI"),
    VALIDATION("3100", 400, "Generic validation error"),
    MALFORMED_SYNTAX("3101", 400, "Malformed syntax"),
    MISSING_ELEMENT("3102", 400, "Missing mandatory element"),
    TOO_LARGE("3104", 413, "Too large payload"),
    MODIFIED_REQUEST("3106", 400, "Modified request"),
    ID_NOT_FOUND("3200", 404, "Generic ID not found"),
    PARTY_NOT_FOUND("3204", 404, "Party not found"),
    QUOTE_NOT_FOUND("3205", 404, "Quote ID not found"),
    TRANSFER_NOT_FOUND("3208", 404, "Transfer ID not found"),
    QUOTE_EXPIRED("3302", 400, "Quote expired"),
    TRANSFER_EXPIRED("3303", 400, "Transfer expired"),
    UNAUTHORIZED("3000", 401, "Unauthorized"),
    FORBIDDEN("3000", 403, "Forbidden"),
    PAYER_ERROR("4000", 400, "Generic payer error"),
    PAYER_INSUFFICIENT_LIQUIDITY("4001", 400, "Payer FSP insufficient liquidity"),
    PAYER_REJECTION("4100", 400, "Generic payer rejection"),
    PAYER_REJECTED_REQUEST("4101", 500, "Payer rejected transaction request"),
    PAYER_UNSUPPORTED_CURRENCY("4103", 400, "Payer unsupported currency"),
    PAYER_LIMIT("4200", 400, "Payer limit error"),
    PAYER_BLOCKED("4400", 400, "Generic payer blocked error"),
    PAYEE_ERROR("5000", 500, "Generic payee error"),
    PAYEE_INSUFFICIENT_LIQUIDITY("5001", 500, "Payee FSP insufficient liquidity"),
    PAYEE_REJECTION("5100", 500, "Generic payee rejection"),
    PAYEE_UNSUPPORTED_CURRENCY("5106", 400, "Payee unsupported currency"),
    PAYEE_LIMIT("5200", 500, "Payee limit error"),
    PAYEE_BLOCKED("5400", 500, "Generic payee blocked error");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The error with a 4-digit FSPIOP code, if it is one of the gateway's. */
    public static java.util.Optional<ErrorCode> ofCode(String code) {
        return java.util.Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The 4-digit FSPIOP code. */
    public String code() {
        return code;
    }

    /** The natural HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The FSPIOP error description. */
    public String title() {
        return title;
    }
}
