package io.coregate.plugin.tck;

/** The operations of {@code CoreBankingAdapter}, as the contract names them when injecting faults. Immutable and thread-safe. */
public enum Operation {
    LOOKUP_PARTY,
    BALANCE,
    RESERVE_CREDIT,
    COMMIT_CREDIT,
    RELEASE_CREDIT,
    DEBIT,
    REFUND,
    HOLD_DEBIT,
    CAPTURE_DEBIT,
    RELEASE_DEBIT,
    STATUS,
    HEALTH
}
