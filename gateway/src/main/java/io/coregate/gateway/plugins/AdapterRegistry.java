package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Settings;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One adapter per tenant, created from the tenant's document by the plugin version it selects, and re-created when
 * the document's revision or the selected plugin changes. Every call runs on its own virtual thread under the
 * plugin's class loader, bounded by the tenant's bulkhead and abandoned after its timeout, so one slow bank cannot
 * starve another tenant. Thread-safe.
 */
public final class AdapterRegistry implements CoreBanking, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AdapterRegistry.class.getName());

    private final PluginHost host;
    private final SecretResolver secrets;
    private final CbsMetrics metrics;
    private final Map<TenantId, Slot> slots = new ConcurrentHashMap<>();

    public AdapterRegistry(PluginHost host, SecretResolver secrets, CbsMetrics metrics) {
        this.host = host;
        this.secrets = secrets;
        this.metrics = metrics;
    }

    /** A tenant's live adapter with its bulkhead. */
    private record Slot(long revision, LoadedPlugin plugin, CoreBankingAdapter adapter, Semaphore bulkhead, Duration timeout) {
    }

    @Override
    public <T> Outcome<T> call(Tenant tenant, String operation, Function<CoreBankingAdapter, Outcome<T>> call) {
        Slot slot = slotFor(tenant);
        InFlight calls = slot.plugin().runtime().orElseThrow().calls();
        if (!calls.tryEnter()) {
            // The version was unloaded between selection and call: select again, once.
            slot = slotFor(tenant);
            calls = slot.plugin().runtime().orElseThrow().calls();
            if (!calls.tryEnter()) {
                throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "tenant '" + tenant.id() + "': plugin "
                    + slot.plugin().id() + " " + slot.plugin().version() + " is being unloaded");
            }
        }
        if (!slot.bulkhead().tryAcquire()) {
            calls.exit();
            metrics.record(tenant.id(), slot.plugin().id(), operation, "busy", 0);
            throw new GatewayException(ErrorCode.SERVER_BUSY, "tenant '" + tenant.id() + "': all "
                + tenant.document().cbs().maxConcurrency() + " CBS call slots are in use");
        }
        Slot used = slot;
        InFlight entered = calls;
        return GuardedCall.run(slot.plugin().runtime().orElseThrow().classLoader(), () -> {
            used.bulkhead().release();
            entered.exit();
        }, slot.timeout(), "cbs-" + tenant.id() + "-" + operation, () -> call.apply(used.adapter()),
            (outcome, nanos) -> metrics.record(tenant.id(), used.plugin().id(), operation, outcomeLabel(outcome), nanos),
            failure -> {
                LOG.log(System.Logger.Level.ERROR, "tenant " + tenant.id() + ": plugin " + used.plugin().id() + " "
                    + used.plugin().version() + " failed in " + operation, failure);
                metrics.record(tenant.id(), used.plugin().id(), operation, "error", 0);
                return new GatewayException(ErrorCode.INTERNAL, "tenant '" + tenant.id() + "': the CBS adapter failed in " + operation);
            });
    }

    private static String outcomeLabel(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> "done";
            case Outcome.Failed<?> failed -> failed.kind().name().toLowerCase(java.util.Locale.ROOT);
            case Outcome.Pending<?> pending -> "pending";
        };
    }

    private Slot slotFor(Tenant tenant) {
        TenantDocument.Cbs cbs = tenant.document().cbs();
        LoadedPlugin plugin = host.resolve(cbs.plugin(), cbs.pluginVersion()).orElseThrow(() -> new GatewayException(
            ErrorCode.SERVICE_UNAVAILABLE, "tenant '" + tenant.id() + "': no loaded version of plugin '" + cbs.plugin() + "' matches "
            + cbs.pluginVersion().orElse("*")));
        Slot current = slots.get(tenant.id());
        if (current != null && current.revision() == tenant.revision() && current.plugin().sameAs(plugin)) {
            return current;
        }
        return slots.compute(tenant.id(), (id, existing) -> {
            if (existing != null && existing.revision() == tenant.revision() && existing.plugin().sameAs(plugin)) {
                return existing;
            }
            Slot created = create(tenant, plugin);
            if (existing != null) {
                closeQuietly(existing);
            }
            return created;
        });
    }

    private Slot create(Tenant tenant, LoadedPlugin plugin) {
        TenantDocument doc = tenant.document();
        var context = new AdapterContext(tenant.id().value(), doc.dfspId(), new HashSet<>(doc.currencies()),
            new Settings(doc.cbs().settings()), secrets.forTenant(tenant.id(), doc.cbs().secrets()),
            new AccountMapping(doc.accounts().disbursement(), doc.accounts().collection()),
            Duration.ofMillis(doc.cbs().timeoutMillis()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        LoadedPlugin.Runtime runtime = plugin.runtime().orElseThrow();
        Thread.currentThread().setContextClassLoader(runtime.classLoader());
        try {
            CoreBankingAdapter adapter = runtime.factory().create(context);
            LOG.log(System.Logger.Level.INFO, "tenant " + tenant.id() + " (revision " + tenant.revision() + ") uses plugin "
                + plugin.id() + " " + plugin.version());
            return new Slot(tenant.revision(), plugin, adapter, new Semaphore(doc.cbs().maxConcurrency()),
                Duration.ofMillis(doc.cbs().timeoutMillis()));
        } catch (CbsException e) {
            throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "tenant '" + tenant.id() + "': plugin " + plugin.id()
                + " refused the tenant's settings: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "tenant " + tenant.id() + ": plugin " + plugin.id() + " failed to create an adapter", e);
            throw new GatewayException(ErrorCode.INTERNAL, "tenant '" + tenant.id() + "': plugin " + plugin.id() + " failed to create an adapter");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Asks a tenant's adapter whether its CBS answers, within the tenant's timeout. */
    public HealthStatus health(Tenant tenant) {
        try {
            Outcome<HealthStatus> outcome = call(tenant, "health", adapter -> Outcome.done(adapter.health()));
            return switch (outcome) {
                case Outcome.Done<HealthStatus> done -> done.value();
                case Outcome.Failed<HealthStatus> failed -> HealthStatus.down(failed.kind() + ": " + failed.message());
                case Outcome.Pending<HealthStatus> pending -> HealthStatus.down("pending");
            };
        } catch (GatewayException e) {
            return HealthStatus.down(e.getMessage());
        }
    }

    /** Which plugin version serves each tenant now. */
    public Map<TenantId, LoadedPlugin> assignments() {
        var result = new java.util.HashMap<TenantId, LoadedPlugin>();
        slots.forEach((id, slot) -> result.put(id, slot.plugin()));
        return result;
    }

    /** Closes the adapters created by a version that was unloaded. */
    public void forget(LoadedPlugin plugin) {
        slots.entrySet().removeIf(entry -> {
            if (entry.getValue().plugin().sameAs(plugin)) {
                closeQuietly(entry.getValue());
                return true;
            }
            return false;
        });
    }

    /** Drops a tenant's adapter (after it was disabled). */
    public void evict(TenantId id) {
        Optional.ofNullable(slots.remove(id)).ifPresent(AdapterRegistry::closeQuietly);
    }

    private static void closeQuietly(Slot slot) {
        try {
            slot.adapter().close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "adapter of plugin " + slot.plugin().id() + " did not close cleanly: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        slots.values().forEach(AdapterRegistry::closeQuietly);
        slots.clear();
    }

    /** Ends a call that threw {@link CbsException} as the equivalent failure. */
    static <T> Outcome<T> failureOf(CbsException e) {
        return Outcome.failed(e.kind(), e.getMessage() == null ? e.kind().name() : e.getMessage());
    }

    /** A timeout as an outcome. */
    static <T> Outcome<T> timeout(Duration limit) {
        return Outcome.failed(FailureKind.TIMEOUT, "the CBS did not answer within " + limit.toMillis() + " ms");
    }
}
