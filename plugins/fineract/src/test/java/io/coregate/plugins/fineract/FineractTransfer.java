package io.coregate.plugins.fineract;

import java.math.BigDecimal;

/**
 * An account transfer the simulated Fineract booked. Immutable and thread-safe.
 *
 * @param id          Fineract's account transfer id
 * @param from        the savings account debited
 * @param to          the savings account credited
 * @param amount      what was booked (after Fineract's rounding)
 * @param currency    ISO 4217 code
 * @param description the {@code transferDescription} sent
 * @param date        the {@code transferDate} sent
 */
public record FineractTransfer(long id, long from, long to, BigDecimal amount, String currency, String description, String date) {
}
