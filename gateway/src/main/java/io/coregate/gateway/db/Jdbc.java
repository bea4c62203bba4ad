package io.coregate.gateway.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Runs work in one transaction: committed when it returns, rolled back when it throws. A transaction PostgreSQL
 * aborted as a deadlock victim or a serialization failure was rolled back whole, so it is run again, a few times at
 * most; the work must therefore touch nothing but its connection. Thread-safe.
 */
public final class Jdbc {

    private static final System.Logger LOG = System.getLogger(Jdbc.class.getName());
    /** SQLSTATEs of a transaction the server aborted whole and that may succeed when run again. */
    private static final Set<String> TRANSIENT = Set.of("40P01", "40001");
    /** Runs of one transaction, the first included. */
    static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final PoolShare share;

    public Jdbc(DataSource dataSource) {
        this(dataSource, PoolShare.UNBOUNDED);
    }

    /** Work through {@code dataSource}, each tenant's requests within their {@code share} of it. */
    public Jdbc(DataSource dataSource, PoolShare share) {
        this.dataSource = dataSource;
        this.share = share;
    }

    /** Work against a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction, again when the server aborted it as a deadlock victim or serialization failure. */
    public <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(what, work);
            } catch (DatabaseException e) {
                if (attempt >= ATTEMPTS || !(e.getCause() instanceof SQLException sql) || !transientFailure(sql)) {
                    throw e;
                }
                LOG.log(Level.WARNING, () -> what + ": transaction aborted by the database (SQLSTATE " + sql.getSQLState()
                    + "), rolled back and run again");
                pause(attempt);
            }
        }
    }

    /** A deadlock victim or serialization failure; many SQLExceptions carry no SQLSTATE at all. */
    private static boolean transientFailure(SQLException e) {
        return e.getSQLState() != null && TRANSIENT.contains(e.getSQLState());
    }

    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T once(String what, Work<T> work) {
        try (PoolShare.Held permit = share.enter(); Connection connection = dataSource.getConnection()) {
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
        try (PoolShare.Held permit = share.enter(); Connection connection = dataSource.getConnection()) {
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
