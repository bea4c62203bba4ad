package io.coregate.gateway.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. Thread-safe. */
public final class Jdbc {

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work against a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction. */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in auto-commit mode: each statement is its own transaction. For reads, and for writes that are
     * one statement (their locks are then released as soon as the server commits).
     */
    public <T> T autoCommit(String what, Work<T> work) {
        return read(what, work);
    }

    /** Runs read-only {@code work} in auto-commit mode. */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** The underlying pool. */
    public DataSource dataSource() {
        return dataSource;
    }
}
