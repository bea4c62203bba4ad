package io.coregate.gateway.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for tests, found in this order: {@code COREGATE_TEST_DB_URL} (+ {@code _USER}, {@code _PASSWORD}),
 * a local server on 127.0.0.1:5432, Testcontainers (when a Docker engine answers), an embedded one. Every test gets
 * its own schema, so reruns and parallel runs never see each other's rows; this run's schemas are dropped at exit.
 */
public final class TestDatabase {

    /**
     * Where a test's data lives.
     *
     * @param url      JDBC URL of the server
     * @param user     user
     * @param password password
     * @param schema   the test's own schema
     */
    public record Schema(String url, String user, String password, String schema) {

        /** A connection whose search path is the test's schema. */
        public Connection connect() throws SQLException {
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setSchema(schema);
            return connection;
        }

        /** Creates the schema (for tests that do not start a gateway) and answers a data source whose search path it is. */
        public DataSource created() throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, password); var statement = c.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            var dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            dataSource.setCurrentSchema(schema);
            return dataSource;
        }
    }

    private record Server(String url, String user, String password, String kind) {
    }

    private static final String RUN = "cgt_" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static Server server;

    private TestDatabase() {
    }

    /** A new, empty schema name on the test server (Flyway creates it when the gateway starts). */
    public static synchronized Schema freshSchema() {
        Server s = server();
        String schema = RUN + "_" + CREATED.size();
        CREATED.add(schema);
        return new Schema(s.url(), s.user(), s.password(), schema);
    }

    /** Which kind of server the tests use, for diagnostics. */
    public static synchronized String kind() {
        return server().kind();
    }

    private static Server server() {
        if (server == null) {
            server = find();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas));
        }
        return server;
    }

    private static Server find() {
        String url = System.getenv("COREGATE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, env("COREGATE_TEST_DB_USER", "postgres"), env("COREGATE_TEST_DB_PASSWORD", ""), "COREGATE_TEST_DB_URL");
        }
        Optional<Server> local = reachable(new Server("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", "local"))
            .or(() -> reachable(new Server("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "local")));
        if (local.isPresent()) {
            return local.get();
        }
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
        }
        return embedded();
    }

    private static Optional<Server> reachable(Server candidate) {
        try (Connection ignored = DriverManager.getConnection(candidate.url(), candidate.user(), candidate.password())) {
            return Optional.of(candidate);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Server embedded() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "embedded-pg"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.toFile())
                .setDataDirectory(Files.createTempDirectory(dir, "data"))
                .setPGStartupWait(java.time.Duration.ofSeconds(90))
                .start();
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL for tests: none configured, none local, no Docker, embedded failed", e);
        }
    }

    private static void dropSchemas() {
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             var statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            // The server may already be gone (embedded, container); the schemas go with it.
            return;
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null ? defaultValue : value;
    }
}
