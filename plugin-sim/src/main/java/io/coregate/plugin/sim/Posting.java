package io.coregate.plugin.sim;

import java.math.BigDecimal;

/**
 * One double-entry booking: {@code amount} leaves {@code debitAccount} and arrives on {@code creditAccount}.
 * Immutable and thread-safe.
 *
 * @param id            the ledger's reference, {@code P-<n>}
 * @param legKey        the idempotency key of the leg it books (a transfer id and side), or {@code open:<account>}
 * @param debitAccount  the account the money leaves
 * @param creditAccount the account the money arrives on
 * @param amount        positive
 * @param currency      the ISO 4217 code
 */
public record Posting(String id, String legKey, String debitAccount, String creditAccount, BigDecimal amount, String currency) {
}
