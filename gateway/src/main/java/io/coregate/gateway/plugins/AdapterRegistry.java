package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Outcome;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One adapter per tenant, created from the tenant's document by the plugin version it selects, and re-created when
 * the document's revision or the selected plugin changes. The replaced adapter is closed only once the calls still
 * running on it have ended (bounded: see {@link #retire}), so a multi-request booking is never cut by a new
 * revision. Every call runs on its own virtual thread under the
 * plugin's class loader, bounded by the tenant's bulkhead and abandoned after its timeout, so one slow bank cannot
 * starve another tenant. Thread-safe.
 */
public final class AdapterRegistry implements CoreBanking, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AdapterRegistry.class.getName());

    /** How long past its timeout a replaced adapter's last call may run before the adapter is closed anyway. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);

    private static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final PluginHost host;
    private final SecretResolver secrets;
    private final CbsMetrics metrics;
    private final Function<TenantId, Optional<String>> callbackUrls;
    private final Map<TenantId, Slot> slots = new ConcurrentHashMap<>();

    public AdapterRegistry(PluginHost host, SecretResolver secrets, CbsMetrics metrics) {
        this(host, secrets, metrics, tenant -> Optional.empty());
    }

    /** @param callbackUrls each tenant's callback base URL, handed to its adapter ({@code AdapterContext.callbackUrl()}) */
    public AdapterRegistry(PluginHost host, SecretResolver secrets, CbsMetrics metrics, Function<TenantId, Optional<String>> callbackUrls) {
        this.host = host;
        this.secrets = secrets;
        this.metrics = metrics;
        this.callbackUrls = callbackUrls;
    }

    /** A tenant's live adapter with its bulkhead and the calls running on it. */
    private record Slot(TenantId tenant, long revision, LoadedPlugin plugin, CoreBankingAdapter adapter, Semaphore bulkhead,
                        Duration timeout, InFlight calls) {
    }

    @Override
    public <T> Outcome<T> call(Tenant tenant, String operation, Function<CoreBankingAdapter, Outcome<T>> call) {
        Slot slot = enter(tenant);
        InFlight plugin = slot.plugin().runtime().orElseThrow().calls();
        if (!slot.bulkhead().tryAcquire()) {
            slot.calls().exit();
            plugin.exit();
            metrics.record(tenant.id(), slot.plugin().id(), operation, "busy", 0);
            throw new GatewayException(ErrorCode.SERVER_BUSY, "tenant '" + tenant.id() + "': all "
                + tenant.document().cbs().maxConcurrency() + " CBS call slots are in use");
        }
        Slot used = slot;
        return GuardedCall.run(slot.plugin().runtime().orElseThrow().classLoader(), () -> {
            used.bulkhead().release();
            used.calls().exit();
            plugin.exit();
        }, tenant.document().cbs().timeout(operation), "cbs-" + tenant.id() + "-" + operation, () -> call.apply(used.adapter()),
            (outcome, nanos) -> metrics.record(tenant.id(), used.plugin().id(), operation, outcomeLabel(outcome), nanos),
            failure -> {
                LOG.log(System.Logger.Level.ERROR, "tenant " + tenant.id() + ": plugin " + used.plugin().id() + " "
                    + used.plugin().version() + " failed in " + operation, failure);
                metrics.record(tenant.id(), used.plugin().id(), operation, "error", 0);
                return new GatewayException(ErrorCode.INTERNAL, "tenant '" + tenant.id() + "': the CBS adapter failed in " + operation);
            });
    }

    /**
     * The tenant's current slot with a call entered in its plugin version and in its adapter. A slot replaced (or a
     * version unloaded) between selection and entry is selected again, once.
     */
    private Slot enter(Tenant tenant) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Slot slot = slotFor(tenant);
            InFlight plugin = slot.plugin().runtime().orElseThrow().calls();
            if (plugin.tryEnter()) {
                if (slot.calls().tryEnter()) {
                    return slot;
                }
                plugin.exit();
            }
        }
        throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "tenant '" + tenant.id() + "': its CBS adapter is being replaced or its"
            + " plugin unloaded; try again");
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
                retire(existing);
            }
            return created;
        });
    }

    private Slot create(Tenant tenant, LoadedPlugin plugin) {
        TenantDocument doc = tenant.document();
        AdapterContext context = AdapterContexts.of(tenant.id(), doc, secrets, callbackUrls);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        LoadedPlugin.Runtime runtime = plugin.runtime().orElseThrow();
        Thread.currentThread().setContextClassLoader(runtime.classLoader());
        try {
            CoreBankingAdapter adapter = runtime.factory().create(context);
            LOG.log(System.Logger.Level.INFO, "tenant " + tenant.id() + " (revision " + tenant.revision() + ") uses plugin "
                + plugin.id() + " " + plugin.version());
            return new Slot(tenant.id(), tenant.revision(), plugin, adapter, new Semaphore(doc.cbs().maxConcurrency()),
                doc.cbs().longestTimeout(), new InFlight());
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
                case Outcome.Pending<HealthStatus> pending -> HealthStatus.down("the health check answered pending");
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
                closeQuietly(entry.getValue(), entry.getValue().calls().close());
                return true;
            }
            return false;
        });
    }

    /** Drops a tenant's adapter (after it was disabled), once the calls running on it have ended. */
    public void evict(TenantId id) {
        Optional.ofNullable(slots.remove(id)).ifPresent(this::retire);
    }

    /**
     * Closes a replaced adapter once the calls running on it have ended (no new call enters it: the tenant's slot is
     * another one now), waiting at most its timeout plus {@link #DRAIN_MARGIN}: a call abandoned at its timeout is
     * interrupted then, so it ends soon after; one that ignores the interrupt is closed under.
     */
    private void retire(Slot slot) {
        Thread.ofVirtual().name("cbs-drain-" + slot.tenant() + "-" + slot.revision()).start(() -> {
            long deadline = System.nanoTime() + slot.timeout().plus(DRAIN_MARGIN).toNanos();
            boolean drained = slot.calls().close();
            while (!drained && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(DRAIN_POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                drained = slot.calls().close();
            }
            if (!drained) {
                LOG.log(System.Logger.Level.WARNING, "tenant " + slot.tenant() + ": " + slot.calls().current() + " calls still ran on the"
                    + " adapter of revision " + slot.revision() + " after its drain time; closing it under them");
            }
            closeQuietly(slot, drained);
        });
    }

    private void closeQuietly(Slot slot, boolean drained) {
        try {
            slot.adapter().close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "adapter of plugin " + slot.plugin().id() + " did not close cleanly: " + e.getMessage());
        }
        metrics.adapterClosed(slot.tenant(), slot.plugin().id(), drained);
    }

    @Override
    public void close() {
        slots.values().forEach(slot -> closeQuietly(slot, slot.calls().close()));
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
