package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The enabled tenants, held in memory so that resolving a request's tenant costs no database round trip. Refreshed
 * after every local admin write and periodically, so replicas pick up each other's changes. Thread-safe.
 */
public final class TenantDirectory {

    private final TenantRepository repository;
    private volatile Map<TenantId, Tenant> enabled = Map.of();
    private String fingerprint = "";

    public TenantDirectory(TenantRepository repository) {
        this.repository = repository;
    }

    /** Re-reads the tenants from storage when anything changed since the last read (by any replica). */
    public synchronized void refresh() {
        String now = repository.fingerprint();
        if (now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        enabled = repository.findAll().stream()
            .filter(Tenant::enabled)
            .collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity()));
    }

    /** Applies one local change at once (the periodic {@link #refresh()} picks up other replicas' changes). */
    public synchronized void apply(Tenant tenant) {
        var copy = new java.util.HashMap<>(enabled);
        if (tenant.enabled()) {
            copy.put(tenant.id(), tenant);
        } else {
            copy.remove(tenant.id());
        }
        enabled = Map.copyOf(copy);
    }

    /**
     * Resolves a request's tenant from its path prefix.
     *
     * @throws GatewayException 3200 naming the tenant when it is unknown or disabled
     */
    public Tenant resolve(String pathTenant) {
        Tenant tenant = TenantId.isValid(pathTenant) ? enabled.get(new TenantId(pathTenant)) : null;
        if (tenant == null) {
            String shown = pathTenant.length() > 40 ? pathTenant.substring(0, 40) + "…" : pathTenant;
            throw new GatewayException(ErrorCode.ID_NOT_FOUND, "tenant '" + shown + "' is not hosted by this gateway");
        }
        return tenant;
    }

    /** A snapshot of the enabled tenants. */
    public Map<TenantId, Tenant> all() {
        return enabled;
    }
}
