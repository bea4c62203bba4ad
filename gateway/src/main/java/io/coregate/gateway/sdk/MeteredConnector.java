package io.coregate.gateway.sdk;

import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.tenant.Tenant;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times every connector call as {@code coregate.connector.calls} tagged by tenant, operation ({@code post},
 * {@code accept}, {@code reject}, {@code status}) and outcome ({@code quoted}, {@code completed}, {@code aborted},
 * {@code unknown}, or the FSPIOP code of a failure), so operators see a tenant's connector timing out or refusing.
 * Thread-safe.
 */
public final class MeteredConnector implements Connector {

    private final Connector delegate;
    private final MeterRegistry registry;

    public MeteredConnector(Connector delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public ConnectorOutcome postTransfer(Tenant tenant, OutboundTransfer transfer) {
        return timed(tenant, "post", () -> delegate.postTransfer(tenant, transfer));
    }

    @Override
    public ConnectorOutcome acceptQuote(Tenant tenant, String transferId, boolean accept) {
        return timed(tenant, accept ? "accept" : "reject", () -> delegate.acceptQuote(tenant, transferId, accept));
    }

    @Override
    public ConnectorOutcome getTransfer(Tenant tenant, String transferId) {
        return timed(tenant, "status", () -> delegate.getTransfer(tenant, transferId));
    }

    private ConnectorOutcome timed(Tenant tenant, String operation, Supplier<ConnectorOutcome> call) {
        long start = System.nanoTime();
        ConnectorOutcome outcome = call.get();
        String tag = switch (outcome) {
            case ConnectorOutcome.Quoted quoted -> "quoted";
            case ConnectorOutcome.Completed completed -> "completed";
            case ConnectorOutcome.Aborted aborted -> "aborted";
            case ConnectorOutcome.Failed failed -> failed.code().code();
            case ConnectorOutcome.Unknown unknown -> "unknown";
        };
        registry.getOrCreate(Timer.builder("coregate.connector.calls")
                .description("Calls to the tenants' Mojaloop Connector outbound API by tenant, operation and outcome")
                .tags(List.of(Tag.create("tenant", tenant.id().value()), Tag.create("operation", operation), Tag.create("outcome", tag))))
            .record(Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }
}
