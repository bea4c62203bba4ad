package io.coregate.plugin.api;

/**
 * The CBS's pricing of a quote.
 * Immutable and thread-safe.
 *
 * @param payeeFee the fee the payee side charges, in the transfer currency (zero for none)
 */
public record QuoteAnswer(Money payeeFee) {
}
