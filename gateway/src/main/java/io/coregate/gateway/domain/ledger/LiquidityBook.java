package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.List;

/**
 * The operator-facing ledger port: balances, limits, adjustments, the journal and the consistency check. Every write
 * is one transaction that appends to the journal and to the audit log. Thread-safe.
 */
public interface LiquidityBook {

    /** The tenant's stored balances, ordered by currency. */
    List<Balance> balances(TenantId tenant);

    /** Every stored balance (for the alarm refresh). */
    List<Balance> allBalances();

    /** Sets limit, alarm and maximum, never touching position or reserved; journaled and audited. */
    LedgerResult setLimit(TenantId tenant, String currency, LimitSettings settings, String actor);

    /**
     * Applies an adjustment once per (tenant, currency, reference); journaled and audited.
     *
     * @throws io.coregate.gateway.domain.error.GatewayException 3100 when funds out would take available below zero,
     *     3106 when the reference was used for another adjustment
     */
    LedgerResult adjust(TenantId tenant, String currency, Adjustment adjustment, String actor);

    /** The newest journal entries of a tenant's currency, newest first. */
    List<JournalEntry> journal(TenantId tenant, String currency, int limit);

    /** Recomputes every balance from the journal (and reserved from the pending reservations); empty when all agree. */
    List<Discrepancy> check();
}
