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
 * {@code coregate_transfers_reconcile_open} gauge of RECONCILE cases per tenant. Thread-safe.
 */
public final class TransferMeters implements TransferMetrics {

    private final MeterRegistry registry;
    private final Map<TenantId, AtomicLong> open = new ConcurrentHashMap<>();
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
        counts.keySet().forEach(this::gauge);
        open.forEach((tenant, value) -> value.set(counts.getOrDefault(tenant, 0L)));
    }

    private AtomicLong gauge(TenantId tenant) {
        return open.computeIfAbsent(tenant, id -> {
            var value = new AtomicLong();
            registry.getOrCreate(Gauge.builder("coregate.transfers.reconcile.open", value, AtomicLong::get)
                .description("Transfers in RECONCILE (credit not confirmed by the CBS), by tenant")
                .tags(List.of(Tag.create("tenant", id.value()))));
            return value;
        });
    }
}
