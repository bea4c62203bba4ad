package io.coregate.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * The extension point a CBS plugin implements: it creates one adapter per tenant.
 *
 * <p>Thread-safety: {@link #create} may be called concurrently for different tenants. The host keeps one factory
 * instance per loaded plugin version, so a factory may hold state that must outlive the re-creation of a tenant's
 * adapter (the sandbox keeps its in-memory banks there); everything else belongs in the adapter.
 */
public interface CoreBankingAdapterFactory extends ExtensionPoint {

    /**
     * Creates the adapter for one tenant. Called when a tenant is onboarded or its document changes, and again after
     * a plugin upgrade. Must not do slow I/O: connectivity is checked by {@link CoreBankingAdapter#health()}.
     *
     * @param context the tenant's settings, secrets and account mapping
     * @return an adapter serving only that tenant
     * @throws CbsException with {@link FailureKind#REJECTED} when the settings cannot work (missing base URL, ...)
     */
    CoreBankingAdapter create(AdapterContext context);
}
