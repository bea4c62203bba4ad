package io.coregate.plugin.api;

/** Whether an account can move money. Immutable and thread-safe. */
public enum AccountStatus {
    ACTIVE,
    BLOCKED,
    DORMANT,
    CLOSED;

    /** True when the account may be credited or debited. */
    public boolean canTransact() {
        return this == ACTIVE;
    }
}
