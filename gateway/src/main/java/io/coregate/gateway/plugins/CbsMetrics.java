package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.TenantId;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.List;

/** CBS call latency and outcomes by tenant, plugin and operation ({@code coregate_cbs_calls}). Thread-safe. */
public final class CbsMetrics {

    private final MeterRegistry registry;

    public CbsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(TenantId tenant, String plugin, String operation, String outcome, long nanos) {
        Timer timer = registry.getOrCreate(Timer.builder("coregate.cbs.calls")
            .description("CBS adapter calls by tenant, plugin, operation and outcome")
            .tags(List.of(Tag.create("tenant", tenant.value()), Tag.create("plugin", plugin), Tag.create("operation", operation),
                Tag.create("outcome", outcome))));
        timer.record(Duration.ofNanos(nanos));
    }
}
