/**
 * The liquidity ledger (DESIGN.md "Liquidity"): each tenant's shadow position per currency, two-phase reservations
 * (reserve, then post or void), inbound movements, operator adjustments, the expiry sweeper and the alarm. Values are
 * records; storage is behind the {@link io.coregate.gateway.domain.ledger.Ledger} and
 * {@link io.coregate.gateway.domain.ledger.LiquidityBook} ports. {@code available = limit - position - reserved}.
 */
package io.coregate.gateway.domain.ledger;
