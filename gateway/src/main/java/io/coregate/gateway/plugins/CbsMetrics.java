package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.metrics.Timers;
import io.helidon.metrics.api.MeterRegistry;

import java.time.Duration;

/** CBS call latency and outcomes by tenant, plugin and operation ({@code coregate_cbs_calls}). Thread-safe. */
public final class CbsMetrics {

    private final Timers calls;

    public CbsMetrics(MeterRegistry registry) {
        this.calls = new Timers(registry, "coregate.cbs.calls", "CBS adapter calls by tenant, plugin, operation and outcome",
            "tenant", "plugin", "operation", "outcome");
    }

    void record(TenantId tenant, String plugin, String operation, String outcome, long nanos) {
        calls.record(Duration.ofNanos(nanos), tenant.value(), plugin, operation, outcome);
    }
}
