package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payer-side reservation.
 *
 * @param tenant      the tenant
 * @param transferRef the transfer it holds liquidity for (unique per tenant)
 * @param currency    ISO 4217 code
 * @param amount      the amount held
 * @param state       where it is in its life
 * @param uncertain   set by the payer flow while the transfer's outcome is unknown: the sweeper never expires it
 * @param expiresAt   after this instant the sweeper voids it (never earlier)
 */
public record Reservation(TenantId tenant, String transferRef, String currency, BigDecimal amount, ReservationState state,
                          boolean uncertain, Instant expiresAt) {
}
