package io.coregate.gateway.domain.ledger;

/**
 * What a ledger operation did.
 *
 * @param operation what was asked
 * @param reference its reference (transfer or adjustment)
 * @param applied   false when it was a repeat (or had nothing left to do) and changed nothing
 * @param message   says what happened, e.g. {@code "already posted"}
 * @param balance   the balance after it
 */
public record LedgerResult(Operation operation, String reference, boolean applied, String message, Balance balance) {
}
