package io.coregate.gateway.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coregate.gateway.config.DbTimeouts;
import io.coregate.gateway.config.GatewayConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's database: a HikariCP pool over an external PostgreSQL ({@code db.url}) or an embedded one whose data
 * survives restarts, migrated by Flyway at start-up. Owns what it starts and closes it.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgres> embedded;
    private final String description;
    private final Duration readyTimeout;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgres> embedded, String description, Duration readyTimeout) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
        this.readyTimeout = readyTimeout;
    }

    /**
     * Starts the embedded PostgreSQL when no URL is configured, opens the pool and migrates the schema.
     *
     * @param config the database configuration
     * @return the running database
     */
    public static Database start(GatewayConfig.Db config) {
        Optional<EmbeddedPostgres> embedded = config.embedded() ? Optional.of(startEmbedded(config)) : Optional.empty();
        String url = config.url().orElseGet(() -> embedded.orElseThrow().getJdbcUrl("postgres", "postgres"));
        String description = embedded.isPresent()
            ? "embedded PostgreSQL on port " + embedded.get().getPort() + ", data in " + config.embeddedDataDir().toAbsolutePath()
            : "external PostgreSQL " + withoutCredentials(url);
        var hikari = new HikariConfig();
        hikari.setPoolName("coregate");
        hikari.setJdbcUrl(url);
        hikari.setUsername(embedded.isPresent() ? "postgres" : config.user());
        hikari.setPassword(embedded.isPresent() ? "" : config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setSchema(config.schema());
        hikari.setInitializationFailTimeout(10_000);
        bound(hikari, config.timeouts());
        HikariDataSource pool;
        try {
            migrate(url, hikari.getUsername(), hikari.getPassword(), config.schema());
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            embedded.ifPresent(Database::closeQuietly);
            throw e;
        }
        return new Database(pool, embedded, description, config.timeouts().ready());
    }

    /**
     * Bounds every call: PgJDBC's connect, login and socket timeouts (a frozen connection is broken, not waited on), the
     * server's statement and lock timeouts for every session, and the pool's wait for a free connection.
     */
    static void bound(HikariConfig hikari, DbTimeouts timeouts) {
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connect().toSeconds()));
        hikari.addDataSourceProperty("loginTimeout", String.valueOf(timeouts.connect().toSeconds()));
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(timeouts.socket().toSeconds()));
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis() + " -c lock_timeout="
            + timeouts.lock().toMillis());
        hikari.setConnectionTimeout(timeouts.poolWait().toMillis());
        hikari.setValidationTimeout(Math.max(250, Math.min(timeouts.ready().toMillis(), timeouts.poolWait().toMillis() - 1)));
    }

    private static void migrate(String url, String user, String password, String schema) {
        Flyway.configure()
            .dataSource(url, user, password)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    }

    private static EmbeddedPostgres startEmbedded(GatewayConfig.Db config) {
        Path dataDir = config.embeddedDataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            Path work = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
            Files.createDirectories(work);
            return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPort(config.embeddedPort())
                .setRegisterShutdownHook(false)
                // initdb on a fresh data folder of a busy small machine can take well over zonky's default 10 s.
                .setPGStartupWait(Duration.ofSeconds(90))
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&]*", "$1=***");
    }

    /** The connection pool. */
    public HikariDataSource dataSource() {
        return pool;
    }

    /** Where the data is, for the start-up banner. */
    public String description() {
        return description;
    }

    /**
     * True when a connection can be had from the pool and answers, all within the ready timeout (readiness): a pool that
     * cannot get a connection, or a database that stopped answering, is not ready.
     */
    public boolean isHealthy() {
        var check = new FutureTask<>(() -> {
            try (var connection = pool.getConnection()) {
                return connection.isValid((int) Math.max(1, readyTimeout.toSeconds()));
            }
        });
        Thread.ofVirtual().name("db-readiness").start(check);
        try {
            return check.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(Database::closeQuietly);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
