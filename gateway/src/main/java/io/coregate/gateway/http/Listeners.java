package io.coregate.gateway.http;

import io.coregate.gateway.config.GatewayConfig;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Builds the web server with its three listeners, their routing, direct handlers and the observe endpoints. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * What health reports.
     *
     * @param database  readiness: the database answers
     * @param plugins   readiness: the plugin host has started plugins
     * @param cbs       detail only: each tenant's last CBS health answer
     * @param started   start-up: bootstrap is done
     * @param liquidity detail only: the tenants and currencies whose liquidity alarm is on
     */
    public record Health(BooleanSupplier database, BooleanSupplier plugins, Supplier<Map<String, String>> cbs, BooleanSupplier started,
                         Supplier<Map<String, String>> liquidity) {
    }

    /** The unstarted server. */
    public static WebServer build(GatewayConfig.Listeners config, SdkRoutes sdk, AdminRoutes admin, DfspRoutes dfsp, Health health) {
        var healthObserver = HealthObserver.builder()
            .details(true)
            .useSystemServices(false)
            .addCheck(() -> HealthCheckResponse.builder().status(health.database().getAsBoolean()).build(), HealthCheckType.READINESS,
                "database")
            .addCheck(() -> HealthCheckResponse.builder().status(health.plugins().getAsBoolean()).build(), HealthCheckType.READINESS,
                "plugins")
            .addCheck(() -> {
                // Detail, never readiness: one bank being down must not take every tenant offline.
                var response = HealthCheckResponse.builder().status(true);
                health.cbs().get().forEach(response::detail);
                return response.build();
            }, HealthCheckType.LIVENESS, "cbs")
            .addCheck(() -> {
                // Detail, never readiness: a tenant short of liquidity must not take the others offline.
                var response = HealthCheckResponse.builder().status(true);
                health.liquidity().get().forEach(response::detail);
                return response.build();
            }, HealthCheckType.LIVENESS, "liquidity")
            .addCheck(() -> HealthCheckResponse.builder().status(health.started().getAsBoolean()).build(), HealthCheckType.STARTUP,
                "started")
            .build();
        var observe = ObserveFeature.builder()
            .addObserver(healthObserver)
            .addObserver(MetricsObserver.create())
            .sockets(java.util.List.of("@default"))
            .build();
        return WebServer.builder()
            .featuresDiscoverServices(false)
            .shutdownHook(false)
            .host(config.host())
            .port(config.adminPort())
            // Helidon's own bound sits above the listener's limit by the discard allowance: up to it, BodyLimit reads a
            // refused body away so the 3104 answer reaches a client that writes before it reads; past it, Helidon closes.
            .maxPayloadSize(config.maxAdminPayloadBytes() + config.discardBytes())
            .idleConnectionTimeout(config.readTimeout())
                .idleConnectionPeriod(idleCheck(config))
            .directHandlers(JsonDirectHandler.forListener(Listener.ADMIN))
            .addFeature(observe)
            .routing(routing(admin::routing, new BodyLimit(Listener.ADMIN, config.maxAdminPayloadBytes(), config.discardBytes())))
            .putSocket(Listener.SDK.socket(), socket -> socket.host(config.host()).port(config.sdkPort())
                .maxPayloadSize(config.maxPayloadBytes() + config.discardBytes())
                .idleConnectionTimeout(config.readTimeout())
                .idleConnectionPeriod(idleCheck(config))
                .directHandlers(JsonDirectHandler.forListener(Listener.SDK)))
            .routing(Listener.SDK.socket(), routing(sdk::routing, new BodyLimit(Listener.SDK, config.maxPayloadBytes(), config.discardBytes())))
            .putSocket(Listener.DFSP.socket(), socket -> socket.host(config.host()).port(config.dfspPort())
                .maxPayloadSize(config.maxPayloadBytes() + config.discardBytes())
                .idleConnectionTimeout(config.readTimeout())
                .idleConnectionPeriod(idleCheck(config))
                .directHandlers(JsonDirectHandler.forListener(Listener.DFSP)))
            .routing(Listener.DFSP.socket(), routing(dfsp::routing, new BodyLimit(Listener.DFSP, config.maxPayloadBytes(),
                config.discardBytes())))
            .build();
    }

    /** How often connections are checked for having been silent longer than the read timeout. */
    private static java.time.Duration idleCheck(GatewayConfig.Listeners config) {
        return config.readTimeout().dividedBy(4).compareTo(java.time.Duration.ofMillis(100)) < 0 ? java.time.Duration.ofMillis(100)
            : config.readTimeout().dividedBy(4);
    }

    private static HttpRouting.Builder routing(java.util.function.Consumer<HttpRouting.Builder> routes, BodyLimit limit) {
        var builder = HttpRouting.builder().addFilter(limit);
        routes.accept(builder);
        return builder;
    }
}
