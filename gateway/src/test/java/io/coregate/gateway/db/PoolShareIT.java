package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantScope;
import io.coregate.gateway.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's requests hold at most their share of the pool at once, however many they are, while another tenant's
 * request gets a connection at once; a request over its share waits, then is answered 2005; nested work on one thread
 * never waits for its own tenant.
 */
class PoolShareIT {

    private static DataSource dataSource;

    @BeforeAll
    static void schema() throws SQLException {
        dataSource = TestDatabase.freshSchema().created();
    }

    @Test
    void aBusyTenantHoldsAtMostItsShareAndAnotherTenantIsServedAtOnce() throws Exception {
        var jdbc = new Jdbc(dataSource, new PoolShare(2, Duration.ofSeconds(10)));
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var busy = new ArrayList<Future<?>>();
            for (int i = 0; i < 6; i++) {
                busy.add(threads.submit(() -> TenantScope.run("busy-bank", () -> jdbc.read("hold", c -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return null;
                }))));
            }
            for (int i = 0; i < 100 && inside.get() < 2; i++) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            assertEquals(2, inside.get(), "six requests of one tenant, two inside");
            long start = System.nanoTime();
            var other = threads.submit(() -> {
                var result = new int[1];
                TenantScope.run("quiet-bank", () -> result[0] = jdbc.read("other", c -> 1));
                return result[0];
            });
            assertEquals(1, other.get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "another tenant does not wait for the busy one");
            release.countDown();
            for (var future : busy) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertEquals(2, most.get(), "never more than the share at once");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void overItsShareForTheWholeWaitARequestIsTold2005AndNestedWorkNeverWaitsForItself() throws Exception {
        var jdbc = new Jdbc(dataSource, new PoolShare(1, Duration.ofMillis(200)));
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var holder = threads.submit(() -> TenantScope.run("one-bank", () -> jdbc.read("hold", c -> {
                holding.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            var refused = threads.submit(() -> {
                var error = new GatewayException[1];
                TenantScope.run("one-bank", () -> error[0] = assertThrows(GatewayException.class, () -> jdbc.read("more", c -> 1)));
                return error[0];
            }).get(10, TimeUnit.SECONDS);
            assertEquals("2005", refused.code().code());
            assertTrue(refused.getMessage().contains("share of the database pool"), refused.getMessage());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            var nested = threads.submit(() -> {
                var result = new int[1];
                TenantScope.run("one-bank", () -> result[0] = jdbc.inTransaction("outer", c -> jdbc.read("inner", d -> 7)));
                return result[0];
            });
            assertEquals(7, nested.get(10, TimeUnit.SECONDS), "nested work of one request takes no second permit");
            assertEquals(3, (int) jdbc.read("no tenant", c -> 3), "work without a tenant is not counted");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
