package io.coregate.plugin.api;

/** Optional abilities an adapter declares through {@link CoreBankingAdapter#capabilities()}. Immutable and thread-safe. */
public enum Capability {
    /** {@link CoreBankingAdapter#balance} answers (used for the disbursement-float check). */
    BALANCE,
    /** {@link CoreBankingAdapter#quote} computes CBS-side fees. */
    QUOTE,
    /** {@code reserveCredit} really earmarks funds (otherwise it is a no-op and the credit happens at commit). */
    CREDIT_HOLD,
    /** {@code holdDebit} / {@code captureDebit} / {@code releaseDebit} are supported. */
    DEBIT_HOLD,
    /** {@link CoreBankingAdapter#status} can find a transaction by the gateway's transfer id. */
    STATUS
}
