package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.List;
import java.util.Map;

/**
 * Applies a tenant document's {@code liquidity} block. Limits and alarms only, never position or reserved; each
 * change journaled and audited. Thread-safe.
 */
public interface LiquiditySettings {

    /**
     * Makes sure each currency has a ledger row (limit 0 when new) and sets the given entries' limit and alarm (the
     * per-transfer maximum, set through the admin API only, is left as it is).
     *
     * @param tenant     the tenant
     * @param currencies the tenant's currencies
     * @param changed    the entries to set: new or changed since the previous document
     * @param actor      who changed the document
     */
    void apply(TenantId tenant, List<String> currencies, Map<String, LimitSettings> changed, String actor);
}
