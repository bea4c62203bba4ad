package io.coregate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh databases on the local PostgreSQL (127.0.0.1:5432, user postgres), named for this run and dropped at the end,
 * so a run never sees another's rows and leaves nothing behind.
 */
final class ScratchDatabases implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String suffix;
    private final List<String> created = new ArrayList<>();

    ScratchDatabases(String suffix) {
        this.suffix = suffix;
    }

    /** Creates {@code coregate_<name>_<suffix>} and answers its name. */
    String create(String name) throws SQLException {
        String database = "coregate_" + name + "_" + suffix;
        try (Connection c = admin(); var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        created.add(database);
        return database;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", "postgres", "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(); var statement = c.createStatement()) {
            for (String database : created) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
