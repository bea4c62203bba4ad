package io.coregate.gateway.domain.error;

import io.coregate.plugin.api.FailureKind;

/** The one table mapping a CBS {@link FailureKind} to an FSPIOP code, knowing the side. */
public final class FailureCodes {

    private FailureCodes() {
    }

    /**
     * @param kind how the CBS operation failed
     * @param side whether the tenant pays or is paid
     * @return the FSPIOP error to answer with
     */
    public static ErrorCode of(FailureKind kind, Side side) {
        boolean payee = side == Side.PAYEE;
        return switch (kind) {
            case NOT_FOUND -> ErrorCode.PARTY_NOT_FOUND;
            case BLOCKED -> payee ? ErrorCode.PAYEE_BLOCKED : ErrorCode.PAYER_BLOCKED;
            // A payer customer's empty account is a payer rejection, never the FSP's liquidity (4001).
            case INSUFFICIENT_FUNDS -> payee ? ErrorCode.PAYEE_INSUFFICIENT_LIQUIDITY : ErrorCode.PAYER_REJECTION;
            case LIMIT_EXCEEDED -> payee ? ErrorCode.PAYEE_LIMIT : ErrorCode.PAYER_LIMIT;
            case UNSUPPORTED_CURRENCY -> payee ? ErrorCode.PAYEE_UNSUPPORTED_CURRENCY : ErrorCode.PAYER_UNSUPPORTED_CURRENCY;
            case UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
            case TIMEOUT -> ErrorCode.CBS_TIMEOUT;
            case REJECTED -> payee ? ErrorCode.PAYEE_REJECTION : ErrorCode.PAYER_REJECTION;
        };
    }
}
