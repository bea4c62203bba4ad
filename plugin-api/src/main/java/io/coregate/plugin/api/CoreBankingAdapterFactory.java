package io.coregate.plugin.api;

import java.util.List;
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

    /**
     * Checks a tenant's CBS configuration at onboarding, before the document is stored: every setting this plugin
     * reads (required ones present, numbers numbers, URLs URLs, enumerations known) and the <em>names</em> of the
     * secrets it needs ({@code context.secrets().names()}; never resolve them here). The gateway answers
     * {@code PUT /admin/tenants/{t}} with 400 listing each problem with its field, instead of a 503 at the first call.
     * Must be fast, free of I/O and of side effects (no state kept: the document may still be refused). When this
     * answers no problem, the gateway also calls {@link #create} and closes the adapter again, to read its
     * {@link CoreBankingAdapter#supportedIdTypes()}; a {@link CbsException} from that {@code create} is reported
     * against {@code cbs.settings} too.
     *
     * @param context the tenant's settings, secret names, accounts and timeouts
     * @return every problem found; empty when the configuration can work (the default: nothing checked)
     * @since 2.0.0
     */
    default List<SettingProblem> validate(AdapterContext context) {
        return List.of();
    }
}
