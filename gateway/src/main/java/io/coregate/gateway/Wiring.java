package io.coregate.gateway;

import io.coregate.gateway.config.AdminToken;
import io.coregate.gateway.config.CallbacksConfig;
import io.coregate.gateway.config.ConfigException;
import io.coregate.gateway.config.ConfigLoader;
import io.coregate.gateway.config.GatewayConfig;
import io.coregate.gateway.config.ReplicaConfig;
import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.config.ServingConfig;
import io.coregate.gateway.db.Database;
import io.coregate.gateway.db.FirstStatistics;
import io.coregate.gateway.db.InboundPositionHook;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcApiKeyRepository;
import io.coregate.gateway.db.JdbcCallbackInbox;
import io.coregate.gateway.db.JdbcCallbackTokens;
import io.coregate.gateway.db.JdbcOperatorTokenRepository;
import io.coregate.gateway.db.JdbcAuditLog;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.db.JdbcLiquidityBook;
import io.coregate.gateway.db.JdbcOutboundLog;
import io.coregate.gateway.db.JdbcPluginApprovals;
import io.coregate.gateway.db.JdbcPluginStore;
import io.coregate.gateway.db.JdbcQuoteBook;
import io.coregate.gateway.db.JdbcReplicaRegistry;
import io.coregate.gateway.db.JdbcTenantRepository;
import io.coregate.gateway.db.OutboundLedgerHook;
import io.coregate.gateway.db.PoolShare;
import io.coregate.gateway.domain.access.ApiKeys;
import io.coregate.gateway.domain.access.OperatorTokens;
import io.coregate.gateway.domain.cbs.CallbackInbox;
import io.coregate.gateway.domain.cbs.CallbackReceiver;
import io.coregate.gateway.domain.cbs.CallbackUrls;
import io.coregate.gateway.domain.ledger.LiquidityService;
import io.coregate.gateway.domain.ledger.ReservationSweeper;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.replica.Replicas;
import io.coregate.gateway.domain.tenant.SecretNamespace;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantService;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.http.AdminAuth;
import io.coregate.gateway.http.AdminRoutes;
import io.coregate.gateway.http.ApiKeyRoutes;
import io.coregate.gateway.http.CallbackAdminRoutes;
import io.coregate.gateway.http.CallbackRoutes;
import io.coregate.gateway.http.OperatorRoutes;
import io.coregate.gateway.http.DfspAuth;
import io.coregate.gateway.http.DfspRoutes;
import io.coregate.gateway.http.LiquidityRoutes;
import io.coregate.gateway.http.Listener;
import io.coregate.gateway.http.Listeners;
import io.coregate.gateway.http.ReplicaRoutes;
import io.coregate.gateway.http.RequestMetrics;
import io.coregate.gateway.http.SdkRoutes;
import io.coregate.gateway.http.TransferAdminRoutes;
import io.coregate.gateway.logging.LogManagerChoice;
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
import io.coregate.gateway.sdk.ChannelWebhookClient;
import io.coregate.gateway.sdk.ConnectorClient;
import io.coregate.gateway.sdk.ConnectorCompletionCheck;
import io.coregate.gateway.sdk.MeteredConnector;
import io.coregate.plugin.api.ApiVersion;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.coregate.gateway.Jobs.every;

/**
 * The one composition root: reads the configuration, builds every collaborator once, by hand, hands each its
 * collaborators through its constructor, then starts the listeners and the background jobs. {@link Main} starts one;
 * a test fixture starts one the same way and reaches the few ports it drives directly (the tenant directory, the CBS
 * adapters, ...) here, on the root that built them, never through the running {@link Gateway}.
 */
public final class Wiring {

    static {
        // Before the first logger, as in Main: a fixture may start a root without touching Main.
        LogManagerChoice.install();
    }

    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());

    private final Gateway gateway;
    private final Database database;
    private final PluginHost plugins;
    private final AdapterRegistry adapters;
    private final TenantDirectory directory;
    private final CbsHealthMonitor cbsHealth;
    private final Connector connector;
    private final CallbackInbox callbacks;

    private Wiring(Gateway gateway, Database database, PluginHost plugins, AdapterRegistry adapters, TenantDirectory directory,
                   CbsHealthMonitor cbsHealth, Connector connector, CallbackInbox callbacks) {
        this.callbacks = callbacks;
        this.gateway = gateway;
        this.database = database;
        this.plugins = plugins;
        this.adapters = adapters;
        this.directory = directory;
        this.cbsHealth = cbsHealth;
        this.connector = connector;
    }

    /**
     * Wires and starts a gateway.
     *
     * @param source the configuration
     * @return the root, whose {@link #gateway()} runs
     * @throws ConfigException when a value is invalid
     */
    public static Wiring start(Config source) {
        long started = System.nanoTime();
        GatewayConfig config = ConfigLoader.load(source, Main.bundledPluginsDir());
        SdkClientConfig sdkClient = SdkClientConfig.load(source);
        ServingConfig serving = ServingConfig.load(source);
        ReplicaConfig replicaConfig = ReplicaConfig.load(source);
        CallbacksConfig callbacksConfig = CallbacksConfig.load(source);
        AdminToken token = AdminToken.resolve(config.admin());
        // Helidon's meter registry takes about 0.6 s to set up: done while the database starts.
        var metersReady = new FutureTask<>(Metrics::globalRegistry);
        Thread.ofPlatform().daemon().name("coregate-metrics-init").start(metersReady);
        Database database = Database.start(config.db());
        GatewayConfig.Plugins pluginConfig = config.plugins();
        var jdbc = new Jdbc(database.dataSource(), new PoolShare(config.listeners().tenantLimits().dbConnections(config.db().poolSize()),
            config.db().timeouts().poolWait()));
        var approvals = new JdbcPluginApprovals(jdbc);
        var approvalPolicy = new ApprovalPolicy(pluginConfig.requireApproval(), pluginConfig.allowedSha256(), approvals);
        PluginHost host = new PluginHost(ApiVersion.current(), pluginConfig.dropInDir().resolve(".loaded"), approvalPolicy);
        ScheduledExecutorService jobs = Jobs.scheduler();
        try {
            host.loadDirectory(pluginConfig.bundledDir(), LoadedPlugin.Source.BUNDLED);
            approvalPolicy.refresh();
            MeterRegistry meters = joined(metersReady);
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
            // The dfsp listener's bound port is known once it started; adapters are made after that, on first use.
            var dfspPort = new AtomicInteger(config.listeners().dfspPort());
            var callbackUrls = new CallbackUrls(() -> callbacksConfig.baseUrlOr(serving.tls().isPresent(), dfspPort.get()),
                new JdbcCallbackTokens(jdbc));
            var callbackInbox = new JdbcCallbackInbox(jdbc);
            var tenants = new TenantService(tenantRepository, host, directory, liquidityBook, secretNamespace,
                new AdapterProbe(host, secretResolver, id -> Optional.of(callbackUrls.urlOf(id))));
            var adapters = new AdapterRegistry(host, secretResolver, new CbsMetrics(meters), id -> Optional.of(callbackUrls.urlOf(id)));
            var cbsHealth = new CbsHealthMonitor(directory, adapters, meters);
            var watcher = new PluginWatcher(host, pluginConfig.dropInDir(), directory, adapters);
            watcher.scan();
            TenantBootstrap.run(config.tenants().bootstrapDir(), tenants);

            var requestMetrics = new RequestMetrics(meters);
            var transferHook = new InboundPositionHook(ledger).andThen(new OutboundLedgerHook(ledger));
            var shared = TransferParts.wire(source, jdbc, transferHook, meters, requestMetrics, adapters, directory, callbackInbox);
            var connector = new MeteredConnector(new ConnectorClient(sdkClient), meters);
            var parties = new PartyService(adapters);
            var payer = PayerWiring.wire(shared, new JdbcOutboundLog(jdbc, ledger), connector, sdkClient,
                new ChannelWebhookClient(callbackUrls::tokenOf, Clock.systemUTC()));
            var payee = PayeeWiring.wire(shared, new JdbcQuoteBook(jdbc), parties, new ConnectorCompletionCheck(connector));
            // Operators act on the transfer log of both flows; an outbound resolution's CBS step is the payer flow's.
            var transferAdmin = new TransferAdmin(shared.log(), shared.metrics(), payer.operatorSteps(), shared.legLog());
            var sdk = new SdkRoutes(directory, parties, requestMetrics, payee.routes());
            var operators = new OperatorTokens(new JdbcOperatorTokenRepository(jdbc), tenantRepository, OperatorTokens.DEFAULT_CACHE,
                Clock.systemUTC());
            var adminAuth = new AdminAuth(token.token(), operators, config.admin().publicObserve());
            var apiKeys = new ApiKeys(new JdbcApiKeyRepository(jdbc), tenantRepository, directory, ApiKeys.DEFAULT_CACHE);
            var inventory = new HostInventory(host, directory, pluginSync, approvals, approvalPolicy);
            var replicas = new Replicas(new JdbcReplicaRegistry(jdbc), inventory, replicaConfig.id(), Main.gatewayVersion(), Instant.now(),
                replicaConfig.heartbeat());
            var admin = new AdminRoutes(adminAuth, tenants, inventory,
                new JdbcAuditLog(jdbc), requestMetrics, new ApiKeyRoutes(adminAuth, apiKeys, requestMetrics),
                new TransferAdminRoutes(adminAuth, transferAdmin, requestMetrics),
                new LiquidityRoutes(new LiquidityService(liquidityBook, tenants, alarms)), new ReplicaRoutes(replicas),
                new OperatorRoutes(operators), new CallbackAdminRoutes(tenants, callbackInbox, callbackUrls,
                    id -> ChannelWebhookClient.keyOf(callbackUrls.tokenOf(id))));
            var callbackRoutes = new CallbackRoutes(new CallbackReceiver(directory, callbackUrls, callbackInbox, adapters),
                requestMetrics);
            var ready = new AtomicBoolean();
            var dfsp = new DfspRoutes(new DfspAuth(apiKeys), payer.routes(), callbackRoutes);
            WebServer server = Listeners.build(config.listeners(), serving, sdk, admin, dfsp,
                new Listeners.Health(database::isHealthy, () -> !host.pluginIds().isEmpty(), cbsHealth::detail, ready::get,
                alarms::detail)).start();
            if (!server.isRunning()) {
                throw new ConfigException("server.port, sdk.port or dfsp.port: a listener could not bind ("
                    + config.listeners().adminPort() + ", " + config.listeners().sdkPort() + ", " + config.listeners().dfspPort()
                    + " on " + config.listeners().host() + "); is another process using the port?");
            }
            dfspPort.set(server.port(Listener.DFSP.socket()));

            every(jobs, "tenant refresh", config.tenants().refresh(), false, directory::refresh);
            every(jobs, "CBS health", Duration.ofSeconds(30), true, cbsHealth::refresh);
            every(jobs, "plugin scan", pluginConfig.scanInterval(), false, watcher::scan);
            every(jobs, "plugin sync", pluginConfig.syncInterval(), false, () -> {
                approvalPolicy.refresh();
                host.retryRejected();
                pluginSync.pull();
            });
            every(jobs, "transfer reconciliation", shared.policy().retryInterval(), false, payee.reconciler()::runOnce);
            every(jobs, "uncertain transfer resolution", payer.interval(), false, payer.resolver()::runOnce);
            every(jobs, "pending debit settlement", payer.interval(), false, payer.pending()::runOnce);
            every(jobs, "pending credit settlement", shared.policy().retryInterval(), false, payee.pending()::runOnce);
            every(jobs, "ledger sweep", config.ledger().sweep(), true, sweeper::run);
            every(jobs, "replica heartbeat", replicaConfig.heartbeat(), true, replicas::heartbeat);
            every(jobs, "first statistics", Duration.ofSeconds(5), false, new FirstStatistics(jdbc)::run);
            ready.set(true);
            var gateway = new Gateway(server, database, host, adapters, jobs, replicas::leave);
            banner(config, database, token, gateway, directory, (System.nanoTime() - started) / 1_000_000);
            return new Wiring(gateway, database, host, adapters, directory, cbsHealth, connector, callbackInbox);
        } catch (RuntimeException e) {
            jobs.shutdownNow();
            host.close();
            database.close();
            throw e;
        }
    }

    /** The running gateway (close it to stop everything this root started). */
    public Gateway gateway() {
        return gateway;
    }

    /** The gateway's database. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The plugin host: the loaded plugin jars and their running calls. */
    public PluginHost plugins() {
        return plugins;
    }

    /** The tenants' CBS adapters, as the flows call them. */
    public AdapterRegistry adapters() {
        return adapters;
    }

    /** The enabled tenants, as the listeners resolve them. */
    public TenantDirectory directory() {
        return directory;
    }

    /** The per-tenant CBS health monitor behind {@code /observe/health}'s {@code cbs} detail. */
    public CbsHealthMonitor cbsHealth() {
        return cbsHealth;
    }

    /** The client of the tenants' Mojaloop Connector outbound API, as the payer flow uses it. */
    public Connector connector() {
        return connector;
    }

    /** The tenants' stored CBS callbacks, as the pending-leg job reads them. */
    public CallbackInbox callbacks() {
        return callbacks;
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
            Main.gatewayVersion(), millis, host, gateway.sdkPort(), host, gateway.dfspPort(), host, gateway.adminPort(),
            database.description(), token.origin(), ApiVersion.current(), config.plugins().bundledDir().toAbsolutePath().normalize(),
            config.plugins().dropInDir().toAbsolutePath().normalize(), directory.all().keySet()));
    }
}
