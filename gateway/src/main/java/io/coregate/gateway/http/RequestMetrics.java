package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.metrics.Timers;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.http.Handler;

import java.time.Duration;

/** Per-route request timers (count, latency) tagged by listener, route, tenant and outcome. Thread-safe. */
public final class RequestMetrics {

    private final Timers requests;

    public RequestMetrics(MeterRegistry registry) {
        this.requests = new Timers(registry, "coregate.requests", "Requests by listener, route, tenant and outcome (FSPIOP code or ok)",
            "listener", "route", "tenant", "outcome");
    }

    /** Wraps a handler so each request is timed under {@code route}; the tenant comes from the {@code tenant} path parameter. */
    public Handler timed(Listener listener, String route, Handler handler) {
        return (request, response) -> {
            long start = System.nanoTime();
            String tenant = request.path().pathParameters().first("tenant").orElse("-");
            String outcome = "ok";
            try {
                handler.handle(request, response);
            } catch (GatewayException e) {
                outcome = e.code().code();
                throw e;
            } catch (RuntimeException e) {
                outcome = "2001";
                throw e;
            } finally {
                // Unknown tenants and unauthenticated callers are not tags: random paths must not grow the metric set without bound.
                String tenantTag = "3200".equals(outcome) || "3000".equals(outcome) ? "unknown" : tenant;
                requests.record(Duration.ofNanos(System.nanoTime() - start), listener.tag(), route, tenantTag, outcome);
            }
        };
    }
}
