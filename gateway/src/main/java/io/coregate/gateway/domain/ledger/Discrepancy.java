package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;

/**
 * A stored figure that differs from what the journal (or the pending reservations) say it should be.
 *
 * @param tenant     the tenant
 * @param currency   ISO 4217 code
 * @param figure     {@code limit}, {@code position}, {@code reserved} or {@code pendingReservations}
 * @param stored     the figure on the balance row
 * @param recomputed the figure recomputed from the journal or the reservations
 */
public record Discrepancy(TenantId tenant, String currency, String figure, BigDecimal stored, BigDecimal recomputed) {
}
