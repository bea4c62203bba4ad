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

    public TenantService(TenantRepository repository, PluginCatalog plugins, TenantDirectory directory, LiquiditySettings liquidity) {
        this.repository = repository;
        this.plugins = plugins;
        this.directory = directory;
        this.liquidity = liquidity;
    }

    /**
     * Creates or replaces a tenant.
     *
     * @param id    the tenant id
     * @param body  the document as bound
     * @param actor who asks
     * @return the stored tenant and whether it was created
     * @throws ValidationException listing every invalid field, including an unknown plugin
     */
    public TenantRepository.Saved put(TenantId id, TenantDocumentBody body, String actor) {
        TenantDocument document = validate(body);
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
        TenantDocument document = validate(body);
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
