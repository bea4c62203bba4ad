package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.HealthStatus;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every enabled tenant's CBS whether it answers, on a schedule, and keeps the answers for the health detail
 * ({@code "UP: ..."}, {@code "DEGRADED: ..."} or {@code "DOWN: ..."} per tenant) and two gauges per tenant:
 * {@code coregate_cbs_up} is 1 while the CBS answers (UP or DEGRADED: calls are still made) and 0 when DOWN;
 * {@code coregate_cbs_degraded} is 1 while it is DEGRADED. One bank being down or degraded is reported here, never as
 * gateway unreadiness. Thread-safe.
 */
public final class CbsHealthMonitor {

    private final TenantDirectory tenants;
    private final AdapterRegistry adapters;
    private final MeterRegistry registry;
    private final Map<TenantId, HealthStatus> latest = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicInteger> degraded = new ConcurrentHashMap<>();

    public CbsHealthMonitor(TenantDirectory tenants, AdapterRegistry adapters, MeterRegistry registry) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.registry = registry;
    }

    /** Checks every enabled tenant once (each within its own timeout, in parallel). */
    public void refresh() {
        var current = tenants.all();
        latest.keySet().retainAll(current.keySet());
        var threads = current.values().stream().map(tenant -> Thread.ofVirtual().start(() -> check(tenant))).toList();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void check(Tenant tenant) {
        HealthStatus status = adapters.health(tenant);
        latest.put(tenant.id(), status);
        gauges.computeIfAbsent(tenant.id(), id -> {
            var value = new AtomicInteger();
            registry.getOrCreate(Gauge.builder("coregate.cbs.up", value, AtomicInteger::get)
                .description("1 when the tenant's CBS answered its last health check (UP or DEGRADED), 0 when DOWN")
                .tags(List.of(Tag.create("tenant", id.value()))));
            return value;
        }).set(status.up() ? 1 : 0);
        degraded.computeIfAbsent(tenant.id(), id -> {
            var value = new AtomicInteger();
            registry.getOrCreate(Gauge.builder("coregate.cbs.degraded", value, AtomicInteger::get)
                .description("1 when the tenant's CBS answered its last health check DEGRADED (answering, impaired)")
                .tags(List.of(Tag.create("tenant", id.value()))));
            return value;
        }).set(status.state() == HealthStatus.State.DEGRADED ? 1 : 0);
    }

    /** The last answer of each tenant's CBS, for the health detail. */
    public Map<String, String> detail() {
        var detail = new TreeMap<String, String>();
        latest.forEach((id, status) -> detail.put(id.value(), status.state() + ": " + status.detail()));
        return detail;
    }
}
