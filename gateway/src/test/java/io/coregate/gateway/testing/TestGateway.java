package io.coregate.gateway.testing;

import io.coregate.gateway.Gateway;
import io.coregate.gateway.Wiring;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.coregate.gateway.plugins.CbsHealthMonitor;
import io.coregate.gateway.plugins.PluginHost;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real gateway, started through its composition root ({@link Wiring#start}, as {@code Main} does) on random ports
 * against a test schema, with a known admin token; the ports a test drives directly (tenant directory, CBS adapters,
 * database, plugin host, CBS health, connector client) come from that root. Close it to stop it; start another on the
 * same schema to test restarts.
 */
public final class TestGateway implements AutoCloseable {

    /** The admin token every test gateway uses. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final Wiring wiring;
    private final Gateway gateway;
    private final TestDatabase.Schema schema;
    private final Path workDir;

    private TestGateway(Wiring wiring, TestDatabase.Schema schema, Path workDir) {
        this.wiring = wiring;
        this.gateway = wiring.gateway();
        this.schema = schema;
        this.workDir = workDir;
    }

    /** A gateway on a fresh schema, without bootstrap tenants. */
    public static TestGateway start() {
        return start(TestDatabase.freshSchema(), Map.of());
    }

    /** A gateway on the given schema with extra config keys. */
    public static TestGateway start(TestDatabase.Schema schema, Map<String, String> overrides) {
        Path workDir = tempDir();
        var values = new HashMap<String, String>();
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        values.put("sdk.port", "0");
        values.put("dfsp.port", "0");
        values.put("db.url", schema.url());
        values.put("db.user", schema.user());
        values.put("db.password", schema.password());
        values.put("db.schema", schema.schema());
        values.put("db.pool-size", "8");
        values.put("admin.token", ADMIN_TOKEN);
        values.put("plugins.dir", workDir.resolve("plugins").toString());
        values.put("tenants.bootstrap-dir", workDir.resolve("no-bootstrap").toString());
        values.put("tenants.refresh-seconds", "1");
        values.put("plugins.require-approval", "false");
        values.putAll(overrides);
        return new TestGateway(Wiring.start(config(values)), schema, workDir);
    }

    /** Config from the given keys over the defaults in application.yaml, without environment variables. */
    public static Config config(Map<String, String> values) {
        return Config.builder()
            .disableEnvironmentVariablesSource()
            .disableSystemPropertiesSource()
            .addSource(ConfigSources.create(values))
            .addSource(ConfigSources.classpath("application.yaml"))
            .build();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-gateways")), "gw");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    /** The enabled tenants, as the listeners resolve them. */
    public TenantDirectory directory() {
        return wiring.directory();
    }

    /** The tenants' CBS adapters (the same instances the flows call: an in-memory sandbox's state is shared). */
    public AdapterRegistry adapters() {
        return wiring.adapters();
    }

    /** The gateway's database. */
    public DataSource dataSource() {
        return wiring.dataSource();
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return wiring.plugins();
    }

    /** The CBS health monitor (refresh it instead of waiting for its 30-second job). */
    public CbsHealthMonitor cbsHealth() {
        return wiring.cbsHealth();
    }

    /** The tenants' stored CBS callbacks, as the pending-leg job reads them. */
    public io.coregate.gateway.domain.cbs.CallbackInbox callbacks() {
        return wiring.callbacks();
    }

    /** The connector client as the payer flow uses it. */
    public Connector connector() {
        return wiring.connector();
    }

    public TestDatabase.Schema schema() {
        return schema;
    }

    /** The gateway's private folder (its drop-in plugins directory is {@code plugins/} inside). */
    public Path workDir() {
        return workDir;
    }

    /** A client for the sdk listener. */
    public Http sdk() {
        return new Http("http://127.0.0.1:" + gateway.sdkPort(), Map.of());
    }

    /** A client for the dfsp listener. */
    public Http dfsp() {
        return new Http("http://127.0.0.1:" + gateway.dfspPort(), Map.of());
    }

    /** A client for the admin listener, with the admin token. */
    public Http admin() {
        return new Http("http://127.0.0.1:" + gateway.adminPort(), Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    /**
     * A client for the admin listener acting as the named administrator: issues an ADMINISTRATOR operator token for
     * {@code name} (with the admin token) once per call, so the audit log records that name.
     */
    public Http adminAs(String name) {
        var issued = admin().post("/admin/operators", Map.of("name", name, "role", "ADMINISTRATOR"));
        if (issued.status() != 201) {
            throw new AssertionError("operator token for " + name + " not issued: " + issued.status() + " " + issued.body());
        }
        return anonymousAdmin().with("Authorization", "Bearer " + issued.field("token"));
    }

    /** A client for the admin listener without credentials. */
    public Http anonymousAdmin() {
        return new Http("http://127.0.0.1:" + gateway.adminPort(), Map.of());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
