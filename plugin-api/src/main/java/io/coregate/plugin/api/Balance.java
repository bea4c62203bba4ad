package io.coregate.plugin.api;

/**
 * An account's balance.
 * Immutable and thread-safe.
 *
 * @param accountNo the account
 * @param available what can be debited now (ledger balance less holds)
 */
public record Balance(String accountNo, Money available) {
}
