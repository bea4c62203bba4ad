package io.coregate.gateway.http;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferState;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transfer meters: {@code coregate_transfers_total} by tenant, direction and outcome (the state reached) and the
 * {@code coregate_transfers_reconcile_open} and {@code coregate_transfers_uncertain_open} gauges per tenant. Thread-safe.
 */
public final class TransferMeters implements TransferMetrics {

    private final MeterRegistry registry;
    private final Map<TenantId, AtomicLong> reconcile = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicLong> uncertain = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public TransferMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void outcome(TenantId tenant, Direction direction, TransferState outcome) {
        var tags = List.of(tenant.value(), direction.name().toLowerCase(Locale.ROOT), outcome.name().toLowerCase(Locale.ROOT));
        counters.computeIfAbsent(tags, t -> registry.getOrCreate(Counter.builder("coregate.transfers")
            .description("Transfers reaching a state, by tenant, direction and outcome")
            .tags(List.of(Tag.create("tenant", t.get(0)), Tag.create("direction", t.get(1)), Tag.create("outcome", t.get(2))))))
            .increment();
    }

    @Override
    public void reconcileOpen(Map<TenantId, Long> counts) {
        publish(reconcile, "coregate.transfers.reconcile.open", "Transfers in RECONCILE (credit or refund not confirmed by the CBS), by tenant",
            counts);
    }

    @Override
    public void uncertainOpen(Map<TenantId, Long> counts) {
        publish(uncertain, "coregate.transfers.uncertain.open", "Outbound transfers in UNCERTAIN (outcome at the hub unknown), by tenant",
            counts);
    }

    private void publish(Map<TenantId, AtomicLong> gauges, String name, String description, Map<TenantId, Long> counts) {
        counts.keySet().forEach(tenant -> gauges.computeIfAbsent(tenant, id -> {
            var value = new AtomicLong();
            registry.getOrCreate(Gauge.builder(name, value, AtomicLong::get).description(description)
                .tags(List.of(Tag.create("tenant", id.value()))));
            return value;
        }));
        gauges.forEach((tenant, value) -> value.set(counts.getOrDefault(tenant, 0L)));
    }
}
