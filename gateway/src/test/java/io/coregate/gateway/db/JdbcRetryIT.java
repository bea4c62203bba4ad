package io.coregate.gateway.db;

import io.coregate.gateway.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A transaction PostgreSQL aborts as a deadlock victim runs again and commits; other failures are not retried. */
class JdbcRetryIT {

    private static Jdbc jdbc;

    @BeforeAll
    static void schema() throws SQLException {
        DataSource dataSource = TestDatabase.freshSchema().created();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL)");
            s.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
        }
        jdbc = new Jdbc(dataSource);
    }

    @Test
    void bothSidesOfADeadlockCommitOnceAndTheVictimRanTwice() throws Exception {
        var firstLocks = new CyclicBarrier(2);
        var runs = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> forward = pool.submit(() -> jdbc.inTransaction("forward", c -> bump(c, 1, 2, firstLocks, runs)));
            Future<Integer> backward = pool.submit(() -> jdbc.inTransaction("backward", c -> bump(c, 2, 1, firstLocks, runs)));
            forward.get(30, TimeUnit.SECONDS);
            backward.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, runs.get(), "two transactions, the deadlock's victim run a second time");
        assertEquals(2, (int) jdbc.read("read", JdbcRetryIT::total), "each transaction's change applied exactly once");
    }

    @Test
    void aConstraintViolationIsNotRunAgain() {
        var runs = new AtomicInteger();
        var failure = assertThrows(DatabaseException.class, () -> jdbc.inTransaction("insert twice", c -> {
            runs.incrementAndGet();
            try (var s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO pair VALUES (1, 0)");
            }
        }));
        assertEquals(1, runs.get());
        assertEquals("23505", ((SQLException) failure.getCause()).getSQLState());
    }

    @Test
    void aFailureWithoutSqlStateIsADatabaseErrorAndNotRunAgain() {
        var runs = new AtomicInteger();
        var failure = assertThrows(DatabaseException.class, () -> jdbc.inTransaction("no state", c -> {
            runs.incrementAndGet();
            throw new SQLException("a driver error without SQLSTATE");
        }));
        assertEquals(1, runs.get());
        assertEquals("no state failed: a driver error without SQLSTATE", failure.getMessage());
    }

    /** Locks {@code first}, waits for the other side to lock its first row (only on the first run), then adds one to both rows. */
    private static int bump(Connection c, int first, int second, CyclicBarrier firstLocks, AtomicInteger runs) throws SQLException {
        boolean firstRun = runs.incrementAndGet() <= 2;
        try (var s = c.prepareStatement("UPDATE pair SET n = n + 1 WHERE id = ?")) {
            s.setInt(1, first);
            s.executeUpdate();
            if (firstRun) {
                try {
                    firstLocks.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            s.setInt(1, second);
            s.executeUpdate();
        }
        return first;
    }

    private static int total(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rows = s.executeQuery("SELECT sum(n) / 2 FROM pair")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
