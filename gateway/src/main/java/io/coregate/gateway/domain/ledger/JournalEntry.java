package io.coregate.gateway.domain.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One journaled operation with the figures before and after it.
 *
 * @param id        increasing per gateway database
 * @param at        when
 * @param currency  ISO 4217 code
 * @param stripe    the stripe row of the balance the entry changed (0 to 7); its figures are that row's, and the
 *                  balance is the sum of its rows
 * @param operation what
 * @param reference the transfer, adjustment or settings reference
 * @param amount    the amount moved (the new limit for {@link Operation#SET_LIMIT})
 * @param before    the stripe row's figures before
 * @param after     the stripe row's figures after
 * @param actor     who (an operator, {@code transfer}, {@code sweeper}, {@code bootstrap})
 */
public record JournalEntry(long id, Instant at, String currency, int stripe, Operation operation, String reference, BigDecimal amount,
                           Figures before, Figures after, String actor) {

    /**
     * The three stored figures of a balance.
     *
     * @param limit    limit
     * @param position position
     * @param reserved reserved
     */
    public record Figures(BigDecimal limit, BigDecimal position, BigDecimal reserved) {
    }
}
