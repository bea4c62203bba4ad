package io.coregate.gateway.http;

import io.coregate.gateway.config.ConfigException;
import io.coregate.gateway.config.GatewayConfig;
import io.coregate.gateway.config.ServingConfig;
import io.coregate.gateway.config.TenantLimits;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

    /** The unstarted server, plain HTTP, with the default shutdown grace. */
    public static WebServer build(GatewayConfig.Listeners config, SdkRoutes sdk, AdminRoutes admin, DfspRoutes dfsp, Health health) {
        return build(config, new ServingConfig(Optional.empty(), Duration.ofSeconds(20), Optional.empty()), sdk, admin, dfsp, health);
    }

    /**
     * The unstarted server: TLS, when configured, on the admin and dfsp listeners (the Mojaloop Connector calls the
     * sdk listener over plain HTTP); each listener lets in-flight requests finish for the shutdown grace when stopped.
     */
    public static WebServer build(GatewayConfig.Listeners config, ServingConfig serving, SdkRoutes sdk, AdminRoutes admin, DfspRoutes dfsp,
                                  Health health) {
        Optional<Tls> tls = serving.tls().map(Listeners::tls);
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
                if (ObserveGuard.details()) {
                    health.cbs().get().forEach(response::detail);
                }
                return response.build();
            }, HealthCheckType.LIVENESS, "cbs")
            .addCheck(() -> {
                // Detail, never readiness: a tenant short of liquidity must not take the others offline.
                var response = HealthCheckResponse.builder().status(true);
                if (ObserveGuard.details()) {
                    health.liquidity().get().forEach(response::detail);
                }
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
        var server = WebServer.builder()
            .featuresDiscoverServices(false)
            .shutdownHook(false)
            .shutdownGracePeriod(serving.shutdownGrace())
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
                .shutdownGracePeriod(serving.shutdownGrace())
                .directHandlers(JsonDirectHandler.forListener(Listener.SDK))
                .update(sdkSocket -> serving.sdkTls().ifPresent(files -> sdkSocket.tls(sdkTls(files)))))
            .routing(Listener.SDK.socket(), tenantRouting(sdk::routing, new BodyLimit(Listener.SDK, config.maxPayloadBytes(), config.discardBytes()),
                config.tenantLimits()))
            .putSocket(Listener.DFSP.socket(), socket -> {
                socket.host(config.host()).port(config.dfspPort())
                    .maxPayloadSize(config.maxPayloadBytes() + config.discardBytes())
                    .idleConnectionTimeout(config.readTimeout())
                    .idleConnectionPeriod(idleCheck(config))
                    .shutdownGracePeriod(serving.shutdownGrace())
                    .directHandlers(JsonDirectHandler.forListener(Listener.DFSP));
                tls.ifPresent(socket::tls);
            })
            .routing(Listener.DFSP.socket(), tenantRouting(dfsp::routing, new BodyLimit(Listener.DFSP, config.maxPayloadBytes(),
                config.discardBytes()), config.tenantLimits()));
        tls.ifPresent(server::tls);
        return server.build();
    }

    /** A server TLS context from the PEM files; a bad file stops start-up naming the key. */
    private static Tls tls(ServingConfig.Tls files) {
        Keys keys;
        try {
            keys = Keys.builder()
                .pem(pem -> pem.key(Resource.create(files.keyFile())).certChain(Resource.create(files.certFile())))
                .build();
        } catch (RuntimeException e) {
            throw new ConfigException("tls.key-file or tls.cert-file is not a readable PEM key and certificate: " + e.getMessage());
        }
        if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
            throw new ConfigException("tls.key-file and tls.cert-file must hold a PEM private key and certificate chain");
        }
        return Tls.builder().privateKey(keys).privateKeyCertChain(keys).build();
    }

    /** The sdk listener's TLS: its key and certificate, and client certificates from the configured CAs when asked. */
    private static Tls sdkTls(ServingConfig.SdkTls files) {
        if (files.clientCaFile().isEmpty()) {
            return tls(new ServingConfig.Tls(files.certFile(), files.keyFile()));
        }
        Keys trust;
        try {
            trust = Keys.builder().pem(pem -> pem.certificates(Resource.create(files.clientCaFile().get()))).build();
        } catch (RuntimeException e) {
            throw new ConfigException("sdk.tls.client-ca-file is not a readable PEM certificate bundle: " + e.getMessage());
        }
        if (trust.certs().isEmpty()) {
            throw new ConfigException("sdk.tls.client-ca-file holds no PEM certificate");
        }
        Keys keys = Keys.builder()
            .pem(pem -> pem.key(Resource.create(files.keyFile())).certChain(Resource.create(files.certFile())))
            .build();
        return Tls.builder().privateKey(keys).privateKeyCertChain(keys).trust(trust.certs()).clientAuth(TlsClientAuth.OPTIONAL).build();
    }

    /** How often connections are checked for having been silent longer than the read timeout. */
    private static java.time.Duration idleCheck(GatewayConfig.Listeners config) {
        return config.readTimeout().dividedBy(4).compareTo(java.time.Duration.ofMillis(100)) < 0 ? java.time.Duration.ofMillis(100)
            : config.readTimeout().dividedBy(4);
    }

    private static HttpRouting.Builder routing(java.util.function.Consumer<HttpRouting.Builder> routes, BodyLimit limit) {
        var builder = HttpRouting.builder().addFilter(limit).addFilter(new PathGuard(limit.listener()));
        routes.accept(builder);
        return builder;
    }

    /** A tenant's listener (sdk, dfsp): bounded per tenant after the body and path checks. */
    private static HttpRouting.Builder tenantRouting(java.util.function.Consumer<HttpRouting.Builder> routes, BodyLimit limit,
                                                     TenantLimits tenantLimits) {
        return routing(builder -> {
            builder.addFilter(new TenantThrottle(limit.listener(), tenantLimits, System::nanoTime));
            routes.accept(builder);
        }, limit);
    }
}
