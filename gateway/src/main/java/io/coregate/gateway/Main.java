package io.coregate.gateway;

import io.coregate.gateway.config.AdminToken;
import io.coregate.gateway.config.ConfigException;
import io.coregate.gateway.config.ConfigLoader;
import io.coregate.gateway.config.GatewayConfig;
import io.coregate.gateway.config.ReplicaConfig;
import io.coregate.gateway.config.ServingConfig;
import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.db.Database;
import io.coregate.gateway.db.FirstStatistics;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcApiKeyRepository;
import io.coregate.gateway.db.JdbcAuditLog;
import io.coregate.gateway.db.InboundPositionHook;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.db.JdbcLiquidityBook;
import io.coregate.gateway.db.JdbcPluginApprovals;
import io.coregate.gateway.db.JdbcPluginStore;
import io.coregate.gateway.db.JdbcReplicaRegistry;
import io.coregate.gateway.db.JdbcTenantRepository;
import io.coregate.gateway.db.OutboundLedgerHook;
import io.coregate.gateway.domain.access.ApiKeys;
import io.coregate.gateway.domain.ledger.LiquidityService;
import io.coregate.gateway.domain.ledger.ReservationSweeper;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.replica.Replicas;
import io.coregate.gateway.domain.tenant.SecretNamespace;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantService;
import io.coregate.gateway.http.AdminAuth;
import io.coregate.gateway.logging.LogManagerChoice;
import io.coregate.gateway.logging.ShutdownAwareLogManager;
import io.coregate.gateway.http.AdminRoutes;
import io.coregate.gateway.http.ApiKeyRoutes;
import io.coregate.gateway.http.DfspAuth;
import io.coregate.gateway.http.DfspRoutes;
import io.coregate.gateway.http.LiquidityRoutes;
import io.coregate.gateway.http.Listeners;
import io.coregate.gateway.http.ReplicaRoutes;
import io.coregate.gateway.http.RequestMetrics;
import io.coregate.gateway.http.SdkRoutes;
import io.coregate.gateway.observe.LiquidityAlarms;
import io.coregate.gateway.plugins.AdapterProbe;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.coregate.gateway.plugins.ApprovalPolicy;
import io.coregate.gateway.plugins.CbsHealthMonitor;
import io.coregate.gateway.plugins.CbsMetrics;
import io.coregate.gateway.plugins.HostInventory;
import io.coregate.gateway.plugins.LoadedPlugin;
import io.coregate.gateway.plugins.PluginHost;
import io.coregate.gateway.plugins.PluginSync;
import io.coregate.gateway.plugins.PluginWatcher;
import io.coregate.gateway.plugins.SecretResolver;
import io.coregate.gateway.sdk.ConnectorClient;
import io.coregate.gateway.sdk.MeteredConnector;
import io.coregate.plugin.api.ApiVersion;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one composition root: reads the configuration, wires every component by hand, starts the listeners. */
public final class Main {

    static {
        // Before the first logger: keeps the shutdown's log lines (see ShutdownAwareLogManager).
        LogManagerChoice.install();
    }

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    /** How long a shutdown during start-up waits for the start to finish before the JVM stops. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private Main() {
    }

    /**
     * Runs the gateway until Ctrl-C; exits 2 on a configuration error, 1 on any other start-up failure. The shutdown hook is
     * registered before the start (and so before the banner): a SIGTERM at any moment waits for the start to end, then stops
     * the gateway cleanly.
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        var running = new CompletableFuture<Gateway>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.get(START_WAIT.toSeconds(), TimeUnit.SECONDS).close();
            } catch (ExecutionException | TimeoutException e) {
                // Never started: nothing to close.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ShutdownAwareLogManager.shutdownLogged();
        }, "coregate-shutdown"));
        try {
            running.complete(start(defaultConfig()));
        } catch (ConfigException e) {
            running.completeExceptionally(e);
            LOG.log(System.Logger.Level.ERROR, "configuration error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            running.completeExceptionally(e);
            LOG.log(System.Logger.Level.ERROR, "start-up failed: " + e.getMessage(), e);
            System.exit(1);
        } finally {
            running.completeExceptionally(new IllegalStateException("start-up did not finish")); // an Error: nothing to close
        }
    }

    /** Environment variables, system properties, {@code config/application.yaml}, then the defaults in the jar. */
    public static Config defaultConfig() {
        return Config.builder()
            .disableEnvironmentVariablesSource()
            .disableSystemPropertiesSource()
            .addSource(ConfigSources.environmentVariables())
            .addSource(ConfigSources.systemProperties())
            .addSource(ConfigSources.file(System.getProperty("coregate.config", "config/application.yaml")).optional())
            .addSource(ConfigSources.classpath("application.yaml"))
            .build();
    }

    /**
     * Starts a gateway.
     *
     * @param source the configuration
     * @return the running gateway
     * @throws ConfigException when a value is invalid
     */
    public static Gateway start(Config source) {
        long started = System.nanoTime();
        GatewayConfig config = ConfigLoader.load(source, bundledPluginsDir());
        SdkClientConfig sdkClient = SdkClientConfig.load(source);
        ServingConfig serving = ServingConfig.load(source);
        ReplicaConfig replicaConfig = ReplicaConfig.load(source);
        AdminToken token = AdminToken.resolve(config.admin());
        // Helidon's meter registry takes about 0.6 s to set up: done while the database starts.
        var metersReady = new FutureTask<>(Metrics::globalRegistry);
        Thread.ofPlatform().daemon().name("coregate-metrics-init").start(metersReady);
        Database database = Database.start(config.db());
        GatewayConfig.Plugins pluginConfig = config.plugins();
        var approvals = new JdbcPluginApprovals(new Jdbc(database.dataSource()));
        var approvalPolicy = new ApprovalPolicy(pluginConfig.requireApproval(), pluginConfig.allowedSha256(), approvals);
        PluginHost host = new PluginHost(ApiVersion.current(), pluginConfig.dropInDir().resolve(".loaded"), approvalPolicy);
        ScheduledExecutorService jobs = Executors.newScheduledThreadPool(4, Thread.ofPlatform().daemon().name("coregate-job-", 0).factory());
        try {
            host.loadDirectory(pluginConfig.bundledDir(), LoadedPlugin.Source.BUNDLED);
            approvalPolicy.refresh();
            MeterRegistry meters = joined(metersReady);
            var jdbc = new Jdbc(database.dataSource());
            var pluginSync = new PluginSync(host, new JdbcPluginStore(jdbc), pluginConfig.dropInDir().resolve("uploaded"));
            pluginSync.pull();
            var tenantRepository = new JdbcTenantRepository(jdbc);
            var directory = new TenantDirectory(tenantRepository);
            directory.refresh();
            var alarms = new LiquidityAlarms(meters);
            var liquidityBook = new JdbcLiquidityBook(jdbc);
            var ledger = new JdbcLedger(jdbc, alarms);
            var sweeper = new ReservationSweeper(ledger, liquidityBook, alarms);
            var secretNamespace = new SecretNamespace(config.tenants().secretsDir());
            var secretResolver = new SecretResolver(System::getenv, secretNamespace, () -> directory.all().keySet());
            var tenants = new TenantService(tenantRepository, host, directory, liquidityBook, secretNamespace,
                new AdapterProbe(host, secretResolver));
            var adapters = new AdapterRegistry(host, secretResolver, new CbsMetrics(meters));
            var cbsHealth = new CbsHealthMonitor(directory, adapters, meters);
            var watcher = new PluginWatcher(host, pluginConfig.dropInDir(), directory, adapters);
            watcher.scan();
            TenantBootstrap.run(config.tenants().bootstrapDir(), tenants);

            var requestMetrics = new RequestMetrics(meters);
            var transferHook = new InboundPositionHook(ledger).andThen(new OutboundLedgerHook(ledger));
            var connector = new MeteredConnector(new ConnectorClient(sdkClient), meters);
            var payer = PayerWiring.wire(source, sdkClient, jdbc, ledger, connector, adapters, directory, meters, requestMetrics,
                transferHook);
            var payee = PayeeWiring.wire(source, jdbc, adapters, directory, meters, requestMetrics, transferHook, payer.operatorSteps());
            var sdk = new SdkRoutes(directory, new PartyService(adapters), requestMetrics, payee.routes());
            var adminAuth = new AdminAuth(token.token());
            var apiKeys = new ApiKeys(new JdbcApiKeyRepository(jdbc), tenantRepository, directory, ApiKeys.DEFAULT_CACHE);
            var inventory = new HostInventory(host, directory, pluginSync, approvals, approvalPolicy);
            var replicas = new Replicas(new JdbcReplicaRegistry(jdbc), inventory, replicaConfig.id(), gatewayVersion(), Instant.now(),
                replicaConfig.heartbeat());
            var admin = new AdminRoutes(adminAuth, tenants, inventory,
                new JdbcAuditLog(jdbc), requestMetrics, new ApiKeyRoutes(adminAuth, apiKeys, requestMetrics), payee.adminRoutes(adminAuth),
                new LiquidityRoutes(new LiquidityService(liquidityBook, tenants, alarms)), new ReplicaRoutes(replicas));
            var ready = new AtomicBoolean();
            WebServer server = Listeners.build(config.listeners(), serving, sdk, admin, new DfspRoutes(new DfspAuth(apiKeys), payer.routes()),
                new Listeners.Health(database::isHealthy, () -> !host.pluginIds().isEmpty(), cbsHealth::detail, ready::get,
                alarms::detail)).start();
            if (!server.isRunning()) {
                throw new ConfigException("server.port, sdk.port or dfsp.port: a listener could not bind ("
                    + config.listeners().adminPort() + ", " + config.listeners().sdkPort() + ", " + config.listeners().dfspPort()
                    + " on " + config.listeners().host() + "); is another process using the port?");
            }

            every(jobs, "tenant refresh", config.tenants().refresh(), false, directory::refresh);
            every(jobs, "CBS health", Duration.ofSeconds(30), true, cbsHealth::refresh);
            every(jobs, "plugin scan", pluginConfig.scanInterval(), false, watcher::scan);
            every(jobs, "plugin sync", pluginConfig.syncInterval(), false, () -> {
                approvalPolicy.refresh();
                host.retryRejected();
                pluginSync.pull();
            });
            every(jobs, "transfer reconciliation", payee.policy().retryInterval(), false, payee.reconciler()::runOnce);
            every(jobs, "uncertain transfer resolution", payer.interval(), false, payer.resolver()::runOnce);
            every(jobs, "ledger sweep", config.ledger().sweep(), true, sweeper::run);
            every(jobs, "replica heartbeat", replicaConfig.heartbeat(), true, replicas::heartbeat);
            every(jobs, "first statistics", Duration.ofSeconds(5), false, new FirstStatistics(jdbc)::run);
            ready.set(true);
            var components = new Components(config, database, host, adapters, tenants, directory, token.token(), cbsHealth,
                connector);
            var gateway = new Gateway(server, database, host, adapters, jobs, components, replicas::leave);
            banner(config, database, token, gateway, directory, (System.nanoTime() - started) / 1_000_000);
            return gateway;
        } catch (RuntimeException e) {
            jobs.shutdownNow();
            host.close();
            database.close();
            throw e;
        }
    }

    /** The value of a start-up task run beside the main thread; its failure is the start-up's. */
    private static <T> T joined(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during start-up", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Runs a background job every {@code interval} (first right away when {@code now}); a failing run is logged. */
    private static void every(ScheduledExecutorService jobs, String name, Duration interval, boolean now, Runnable job) {
        long millis = interval.toMillis();
        jobs.scheduleWithFixedDelay(() -> runJob(name, job), now ? 0 : millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void runJob(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " failed: " + e.getMessage(), e);
        }
    }

    private static void banner(GatewayConfig config, Database database, AdminToken token, Gateway gateway, TenantDirectory directory,
                               long millis) {
        String host = config.listeners().host();
        LOG.log(System.Logger.Level.INFO, String.format("""
            CoreGate %s started in %d ms
              sdk   (Mojaloop Connector backend) http://%s:%d/<tenant>
              dfsp  (DFSP channels)              http://%s:%d/<tenant>
              admin (admin, health, metrics)     http://%s:%d/admin  /observe/health  /observe/metrics
              database: %s
              admin token: %s
              plugins: API %s, bundled %s, drop-in %s
              tenants: %s""",
            gatewayVersion(), millis, host, gateway.sdkPort(), host, gateway.dfspPort(), host, gateway.adminPort(),
            database.description(), token.origin(), ApiVersion.current(), config.plugins().bundledDir().toAbsolutePath().normalize(),
            config.plugins().dropInDir().toAbsolutePath().normalize(), directory.all().keySet()));
    }

    /** The gateway's own version (plugins' {@code Plugin-Requires} is checked against the plugin API's, {@link ApiVersion}). */
    static String gatewayVersion() {
        try (InputStream in = Main.class.getResourceAsStream("/coregate.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "1.0.0");
        } catch (IOException e) {
            return "1.0.0";
        }
    }

    /** Beside the code: {@code target/plugins} next to {@code coregate.jar} or next to {@code target/classes}. */
    static Path bundledPluginsDir() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("plugins");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("plugins");
        }
    }
}
