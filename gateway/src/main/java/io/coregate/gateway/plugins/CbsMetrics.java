package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.metrics.Timers;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.time.Duration;
import java.util.List;

/**
 * CBS call latency and outcomes by tenant, plugin and operation ({@code coregate_cbs_calls}), and the adapters closed
 * after a new tenant revision, an unload or a disable ({@code coregate_cbs_adapters_closed_total}: {@code drained}
 * false when calls still ran after the bounded drain). Thread-safe.
 */
public final class CbsMetrics {

    private final Timers calls;
    private final MeterRegistry registry;

    public CbsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.calls = new Timers(registry, "coregate.cbs.calls", "CBS adapter calls by tenant, plugin, operation and outcome",
            "tenant", "plugin", "operation", "outcome");
    }

    void record(TenantId tenant, String plugin, String operation, String outcome, long nanos) {
        calls.record(Duration.ofNanos(nanos), tenant.value(), plugin, operation, outcome);
    }

    void adapterClosed(TenantId tenant, String plugin, boolean drained) {
        registry.getOrCreate(Counter.builder("coregate.cbs.adapters.closed")
            .description("CBS adapters closed, by tenant, plugin and whether their calls had drained")
            .tags(List.of(Tag.create("tenant", tenant.value()), Tag.create("plugin", plugin), Tag.create("drained", String.valueOf(drained)))))
            .increment();
    }
}
