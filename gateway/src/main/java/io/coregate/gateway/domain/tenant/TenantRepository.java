package io.coregate.gateway.domain.tenant;

import java.util.List;
import java.util.Optional;

/** Storage port for tenants. Implementations are thread-safe. */
public interface TenantRepository {

    /** A tenant, enabled or not. */
    Optional<Tenant> find(TenantId id);

    /** Every tenant, enabled or not, ordered by id. */
    List<Tenant> findAll();

    /** A cheap summary that changes whenever any tenant changes (count, latest change, revisions). */
    String fingerprint();

    /**
     * Creates or replaces a tenant (re-enabling a disabled one) and records the audit entry in the same transaction.
     *
     * @return the stored tenant and whether it was created
     */
    Saved save(TenantId id, TenantDocument document, AuditEntry audit);

    /** Creates the tenant only when no tenant with that id exists; returns whether it did. */
    boolean createIfMissing(TenantId id, TenantDocument document, AuditEntry audit);

    /** Disables a tenant, keeping its history; returns false when unknown or already disabled. */
    boolean disable(TenantId id, AuditEntry audit);

    /**
     * The result of {@link #save}.
     *
     * @param tenant  the tenant as stored
     * @param created true when it did not exist before
     */
    record Saved(Tenant tenant, boolean created) {
    }
}
