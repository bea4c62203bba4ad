package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.ledger.LiquiditySettings;
import io.coregate.gateway.domain.validation.Check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Onboards, changes, lists and disables tenants. Thread-safe. */
public final class TenantService {

    private final TenantRepository repository;
    private final PluginCatalog plugins;
    private final TenantDirectory directory;
    private final LiquiditySettings liquidity;
    private final SecretNamespace secrets;
    private final CbsProbe probe;

    public TenantService(TenantRepository repository, PluginCatalog plugins, TenantDirectory directory, LiquiditySettings liquidity,
                         SecretNamespace secrets) {
        this(repository, plugins, directory, liquidity, secrets, CbsProbe.NONE);
    }

    /**
     * @param probe asks the selected plugin about a document before it is stored (settings, secret names, id types)
     */
    public TenantService(TenantRepository repository, PluginCatalog plugins, TenantDirectory directory, LiquiditySettings liquidity,
                         SecretNamespace secrets, CbsProbe probe) {
        this.repository = repository;
        this.plugins = plugins;
        this.directory = directory;
        this.liquidity = liquidity;
        this.secrets = secrets;
        this.probe = probe;
    }

    /**
     * Creates or replaces a tenant.
     *
     * @param id    the tenant id
     * @param body  the document as bound
     * @param actor who asks
     * @return the stored tenant and whether it was created
     * @throws ValidationException listing every invalid field, including an unknown plugin, a secret reference
     *                             outside the tenant's namespace, and what the plugin refuses (its settings, a secret
     *                             it needs, an id type it cannot look up)
     */
    public TenantRepository.Saved put(TenantId id, TenantDocumentBody body, String actor) {
        TenantDocument document = validate(id, body);
        Optional<TenantDocument> previous = repository.find(id).map(Tenant::document);
        var saved = repository.save(id, document, new AuditEntry(id.value(), actor, "tenant.put", Redaction.document(document)));
        liquidity.apply(id, document.currencies(), changedLiquidity(previous, document), actor);
        directory.apply(saved.tenant());
        return saved;
    }

    /** Checks a document, including that its plugin and version are loaded. */
    public TenantDocument validate(TenantDocumentBody body) {
        Check check = Check.start();
        body.check(check);
        checkPlugin(body, check);
        check.done();
        return TenantDocuments.of(body);
    }

    /**
     * Checks a tenant's document: {@link #validate(TenantDocumentBody)}, its secret references within its namespace,
     * then, when all that holds, what the selected plugin says of it ({@link CbsProbe}).
     */
    private TenantDocument validate(TenantId id, TenantDocumentBody body) {
        Check check = Check.start();
        body.check(check);
        checkPlugin(body, check);
        checkSecrets(id, body, check);
        check.done();
        TenantDocument document = TenantDocuments.of(body);
        Check plugin = Check.start();
        probe.problems(id, document).forEach(problem -> plugin.invalid(problem.field(), problem.message()));
        plugin.done();
        return document;
    }

    /**
     * Reports each reference outside the tenant's {@link SecretNamespace}, and another tenant's reference that this
     * tenant's id would take over ({@code bank-a} arriving beside {@code bank}, which holds {@code env:BANK_A_KEY}).
     */
    private void checkSecrets(TenantId id, TenantDocumentBody body, Check check) {
        List<Tenant> others = repository.findAll().stream().filter(tenant -> !tenant.id().equals(id)).toList();
        List<TenantId> hosted = others.stream().map(Tenant::id).toList();
        if (body.cbs() != null && body.cbs().secrets() != null) {
            body.cbs().secrets().forEach((name, reference) -> {
                if (reference instanceof String text) {
                    secrets.problem(id, text, hosted).ifPresent(problem -> check.invalid("cbs.secrets." + name, problem));
                }
            });
        }
        var withNewcomer = new java.util.ArrayList<>(hosted);
        withNewcomer.add(id);
        for (Tenant other : others) {
            other.document().cbs().secrets().values().stream()
                .filter(reference -> secrets.problem(other.id(), reference, withNewcomer).isPresent()
                    && secrets.problem(other.id(), reference, hosted).isEmpty())
                .findFirst()
                .ifPresent(reference -> check.invalid("tenantId", "tenant id " + id + " would take over tenant " + other.id()
                    + "'s secret reference " + reference + " (a name belongs to the longest tenant id it starts with);"
                    + " rename that reference first or choose another id"));
        }
    }

    /** Reports a named plugin that is not loaded, or a version expression no loaded version matches. */
    public void checkPlugin(TenantDocumentBody body, Check check) {
        if (body.cbs() == null || body.cbs().plugin() == null || body.cbs().plugin().isEmpty()) {
            return;
        }
        String plugin = body.cbs().plugin();
        var loaded = plugins.pluginIds();
        if (!loaded.contains(plugin)) {
            check.invalid("cbs.plugin", "unknown plugin '" + plugin + "'; loaded plugins: "
                + (loaded.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(loaded)))
                + plugins.refusals(plugin).map(r -> "; refused: " + r).orElse(""));
        } else {
            plugins.checkVersion(plugin, Optional.ofNullable(body.cbs().pluginVersion()))
                .ifPresent(problem -> check.invalid("cbs.pluginVersion", problem));
        }
    }

    /** An enabled or disabled tenant; 3200 when unknown. */
    public Tenant get(TenantId id) {
        return repository.find(id).orElseThrow(() -> unknown(id));
    }

    /** Every tenant. */
    public List<Tenant> list() {
        return repository.findAll();
    }

    /** Disables a tenant; its history stays. 3200 when unknown. */
    public void disable(TenantId id, String actor) {
        if (repository.find(id).isEmpty()) {
            throw unknown(id);
        }
        repository.disable(id, new AuditEntry(id.value(), actor, "tenant.delete", Map.of()));
        repository.find(id).ifPresent(directory::apply);
    }

    /**
     * Creates a bootstrap tenant unless one with that id exists (an existing tenant stays as the admin API last set
     * it).
     *
     * @return true when it was created
     */
    public boolean bootstrap(TenantId id, TenantDocumentBody body) {
        TenantDocument document = validate(id, body);
        boolean created = repository.createIfMissing(id, document,
            new AuditEntry(id.value(), "bootstrap", "tenant.bootstrap", Redaction.document(document)));
        if (created) {
            liquidity.apply(id, document.currencies(), changedLiquidity(Optional.empty(), document), "bootstrap");
            repository.find(id).ifPresent(directory::apply);
        }
        return created;
    }

    /**
     * The document's liquidity entries that are new or differ from the previous document's: only these set the
     * ledger's limit and alarm, so re-sending an unchanged document never undoes adjustments made since.
     */
    static Map<String, LimitSettings> changedLiquidity(Optional<TenantDocument> previous, TenantDocument document) {
        var changed = new LinkedHashMap<String, LimitSettings>();
        document.liquidity().forEach((currency, entry) -> {
            var before = previous.map(p -> p.liquidity().get(currency));
            boolean same = before.isPresent() && before.get().limit().compareTo(entry.limit()) == 0
                && before.get().alarmPercent() == entry.alarmPercent();
            if (!same) {
                changed.put(currency, new LimitSettings(entry.limit(), entry.alarmPercent(), Optional.empty()));
            }
        });
        return changed;
    }

    private static GatewayException unknown(TenantId id) {
        return new GatewayException(ErrorCode.ID_NOT_FOUND, "tenant '" + id.value() + "' does not exist");
    }
}
