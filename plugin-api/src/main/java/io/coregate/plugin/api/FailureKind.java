package io.coregate.plugin.api;

/**
 * Why a CBS operation failed, in terms the gateway maps to FSPIOP codes (knowing whether the tenant is payer or
 * payee). Adapters translate their vendor's error bodies into one of these.
 * Immutable and thread-safe.
 */
public enum FailureKind {
    /** The party or account does not exist. */
    NOT_FOUND,
    /** The account exists but is blocked, dormant or closed. */
    BLOCKED,
    /** The customer's account cannot cover the amount. */
    INSUFFICIENT_FUNDS,
    /** A CBS limit (per transaction, daily, account maximum) would be exceeded. */
    LIMIT_EXCEEDED,
    /** The account does not hold this currency. */
    UNSUPPORTED_CURRENCY,
    /** The CBS could not be reached or answered with a server error; the operation did not happen. */
    UNAVAILABLE,
    /** The CBS did not answer in time; whether the operation happened is unknown. */
    TIMEOUT,
    /** The CBS refused the request for another reason (validation, duplicate, business rule). */
    REJECTED
}
