package io.coregate.gateway.db;

import io.coregate.gateway.config.DbTimeouts;
import io.coregate.gateway.config.GatewayConfig;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TcpProxy;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every database call is bounded: a database that stops answering (frozen behind a TCP proxy, connections left
 * half-open) fails calls within the configured timeouts with 2003 and takes readiness DOWN; when it answers again
 * the gateway recovers by itself. The server's statement and lock timeouts hold for every pooled session.
 */
class DatabaseTimeoutsIT {

    private static final Pattern HOST_PORT = Pattern.compile("//([^:/?]+)(?::(\\d+))?/");
    private static final DbTimeouts TIGHT = new DbTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(1_000),
        Duration.ofMillis(500), Duration.ofMillis(2_000), Duration.ofMillis(1_000));
    /** The longest a call may take against a frozen database: the pool wait, then a socket timeout, plus scheduling slack. */
    private static final long CALL_BOUND_MILLIS = 2_000 + 3_000 + 2_000;

    @Test
    void aFrozenDatabaseFailsCallsWithinTheBoundTakesReadinessDownAndRecovers() throws Exception {
        var schema = TestDatabase.freshSchema();
        var matcher = HOST_PORT.matcher(schema.url());
        assertTrue(matcher.find(), schema.url());
        int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
        try (var proxy = TcpProxy.start(matcher.group(1), port)) {
            String proxied = matcher.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
            var overrides = new HashMap<String, String>(Map.of("db.pool-size", "4", "db.connect-timeout-seconds", "2",
                "db.socket-timeout-seconds", "3", "db.statement-timeout-millis", "1000", "db.lock-timeout-millis", "500",
                "db.pool-wait-millis", "2000", "db.ready-timeout-millis", "1000"));
            try (var gateway = TestGateway.start(new TestDatabase.Schema(proxied, schema.user(), schema.password(), schema.schema()),
                overrides)) {
                assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
                assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());

                proxy.freeze();
                long started = System.nanoTime();
                var listing = gateway.admin().get("/admin/tenants/bank-a/transfers");
                long listingMillis = millisSince(started);
                assertEquals(503, listing.status(), listing.body());
                assertEquals("2003", listing.field("statusCode"), listing.body());
                assertTrue(listingMillis < CALL_BOUND_MILLIS, "the admin read took " + listingMillis + " ms");

                started = System.nanoTime();
                var quote = gateway.sdk().post("/bank-a/quoterequests", Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"));
                long quoteMillis = millisSince(started);
                assertEquals(500, quote.status(), quote.body());
                assertEquals("2003", quote.field("statusCode"), quote.body());
                assertTrue(quoteMillis < CALL_BOUND_MILLIS, "the quote took " + quoteMillis + " ms");

                started = System.nanoTime();
                var ready = gateway.anonymousAdmin().get("/observe/health/ready");
                long readyMillis = millisSince(started);
                assertEquals(503, ready.status(), "readiness must be DOWN while the database is frozen: " + ready.body());
                assertTrue(readyMillis < 1_000 + 1_500, "readiness took " + readyMillis + " ms");
                System.getLogger(DatabaseTimeoutsIT.class.getName()).log(System.Logger.Level.INFO, "frozen database: admin read failed in "
                    + listingMillis + " ms, quote in " + quoteMillis + " ms, readiness DOWN in " + readyMillis + " ms");

                proxy.thaw();
                int status = Poll.last(Duration.ofSeconds(30), () -> gateway.anonymousAdmin().get("/observe/health/ready").status(), s -> s == 200);
                assertEquals(200, status, "readiness must come back when the database answers again");
                assertEquals(200, gateway.admin().get("/admin/tenants/bank-a/transfers").status());
                var again = gateway.sdk().post("/bank-a/quoterequests", Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"));
                assertEquals(200, again.status(), again.body());
            }
        }
    }

    @Test
    void statementsAndLockWaitsAreCancelledByTheServerAs2003() throws Exception {
        var schema = TestDatabase.freshSchema();
        var config = new GatewayConfig.Db(Optional.of(schema.url()), schema.user(), schema.password(), schema.schema(), 2,
            Path.of("target", "unused-embedded"), 0, TIGHT);
        try (var database = Database.start(config)) {
            var jdbc = new Jdbc(database.dataSource());
            long started = System.nanoTime();
            var slow = assertThrows(DatabaseException.class, () -> jdbc.read("sleep", c -> c.createStatement().execute("SELECT pg_sleep(10)")));
            long slowMillis = millisSince(started);
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, slow.code(), String.valueOf(slow.getCause()));
            assertTrue(slowMillis < 3_000, "the statement ran " + slowMillis + " ms");

            try (Connection holder = schema.connect(); var lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE");
                started = System.nanoTime();
                var blocked = assertThrows(DatabaseException.class,
                    () -> jdbc.inTransaction("lock", c -> c.createStatement().execute("SELECT count(*) FROM tenants")));
                long lockMillis = millisSince(started);
                assertEquals(ErrorCode.SERVICE_UNAVAILABLE, blocked.code(), String.valueOf(blocked.getCause()));
                assertTrue(lockMillis < 2_000, "the lock wait lasted " + lockMillis + " ms");
                holder.rollback();
            }
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
