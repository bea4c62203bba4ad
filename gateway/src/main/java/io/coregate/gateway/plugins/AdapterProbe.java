package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.CbsProbe;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.SettingProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Onboarding's look at a tenant document through the plugin it selects: the factory's
 * {@link CoreBankingAdapterFactory#validate} (settings and secret names), then, when that finds nothing, an adapter
 * created and closed again to read its {@link CoreBankingAdapter#supportedIdTypes()} against the document's
 * {@code supportedIdTypes} (a {@link CbsException} from {@code create} is a {@code cbs.settings} problem). Runs under
 * the plugin's class loader, bounded by the tenant's timeout; secrets are never resolved. Thread-safe.
 */
public final class AdapterProbe implements CbsProbe {

    private static final System.Logger LOG = System.getLogger(AdapterProbe.class.getName());

    private final PluginHost host;
    private final SecretResolver secrets;
    private final Function<TenantId, Optional<String>> callbackUrls;

    public AdapterProbe(PluginHost host, SecretResolver secrets) {
        this(host, secrets, tenant -> Optional.empty());
    }

    /** @param callbackUrls each tenant's callback base URL, as its adapter will get it */
    public AdapterProbe(PluginHost host, SecretResolver secrets, Function<TenantId, Optional<String>> callbackUrls) {
        this.host = host;
        this.secrets = secrets;
        this.callbackUrls = callbackUrls;
    }

    @Override
    public List<FieldError> problems(TenantId id, TenantDocument document) {
        TenantDocument.Cbs cbs = document.cbs();
        var plugin = host.select(cbs.plugin(), cbs.pluginVersion()).or(() -> host.resolve(cbs.plugin(), cbs.pluginVersion()));
        if (plugin.isEmpty() || plugin.get().runtime().isEmpty()) {
            return List.of();
        }
        LoadedPlugin.Runtime runtime = plugin.get().runtime().get();
        if (!runtime.calls().tryEnter()) {
            return List.of(new FieldError("cbs.plugin", "plugin " + cbs.plugin() + " is being unloaded; try again"));
        }
        AdapterContext context = AdapterContexts.of(id, document, secrets, callbackUrls);
        String name = cbs.plugin() + " " + plugin.get().version();
        try {
            Outcome<List<FieldError>> outcome = GuardedCall.run(runtime.classLoader(), runtime.calls()::exit, cbs.longestTimeout(),
                "cbs-probe-" + id, () -> Outcome.done(probe(runtime.factory(), context, document, name)), (o, nanos) -> { },
                failure -> {
                    LOG.log(System.Logger.Level.ERROR, "tenant " + id + ": plugin " + name + " failed to validate its settings", failure);
                    return new GatewayException(io.coregate.gateway.domain.error.ErrorCode.INTERNAL, "plugin " + name + " failed");
                });
            return switch (outcome) {
                case Outcome.Done<List<FieldError>> done -> done.value();
                case Outcome.Failed<List<FieldError>> failed -> List.of(new FieldError("cbs.settings", "plugin " + name
                    + " could not check the settings: " + failed.message()));
                case Outcome.Pending<List<FieldError>> pending -> List.of();
            };
        } catch (GatewayException e) {
            return List.of(new FieldError("cbs.plugin", "plugin " + name + " failed while checking the settings (see the gateway log)"));
        }
    }

    private static List<FieldError> probe(CoreBankingAdapterFactory factory, AdapterContext context, TenantDocument document, String name) {
        var problems = new ArrayList<FieldError>();
        List<SettingProblem> found = factory.validate(context);
        for (SettingProblem problem : found == null ? List.<SettingProblem>of() : found) {
            problems.add(new FieldError(problem.field(), problem.message()));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        CoreBankingAdapter adapter;
        try {
            adapter = factory.create(context);
        } catch (CbsException e) {
            return List.of(new FieldError("cbs.settings", "plugin " + name + " refused the settings: " + e.getMessage()));
        }
        try {
            Set<String> supported = adapter.supportedIdTypes();
            List<String> types = List.copyOf(document.supportedIdTypes());
            for (int i = 0; i < types.size(); i++) {
                if (!supported.contains(types.get(i))) {
                    problems.add(new FieldError("supportedIdTypes[" + i + "]", "plugin " + name + " cannot look up parties by "
                        + types.get(i) + "; it supports " + new TreeSet<>(supported)));
                }
            }
        } finally {
            adapter.close();
        }
        return problems;
    }
}
