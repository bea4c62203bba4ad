package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantScope;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each tenant's bounded share of the database pool ({@code limits.tenant-db-share-percent} of {@code db.pool-size}):
 * a request thread working for a tenant ({@link TenantScope}) takes one of the tenant's permits before it takes a
 * connection, waiting at most the pool's own wait, so one DFSP's burst cannot hold every connection while the others
 * wait. Re-entrant per thread (a request that already holds a connection never waits for its own tenant). Threads
 * without a tenant (background jobs, admin) are not counted. Over its share a request is answered 2005. Thread-safe.
 */
public final class PoolShare {

    /** No per-tenant bound. */
    public static final PoolShare UNBOUNDED = new PoolShare(Integer.MAX_VALUE, Duration.ZERO);

    /** Above this many tenants' permit counters, idle ones are forgotten (lossless: an idle counter is a new one). */
    private static final int MAX_TRACKED = 4_096;
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final Held NOTHING = () -> {
    };

    private final int perTenant;
    private final Duration wait;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /**
     * @param perTenant connections one tenant's requests may hold at once (at least 1)
     * @param wait      how long a request waits for one of its tenant's permits
     */
    public PoolShare(int perTenant, Duration wait) {
        this.perTenant = Math.max(1, perTenant);
        this.wait = wait;
    }

    /** A permit held until closed. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The connections each tenant may hold at once. */
    public int perTenant() {
        return perTenant;
    }

    /**
     * Takes the current tenant's permit (nothing for a thread without a tenant, or one already holding it).
     *
     * @throws GatewayException 2005 when the tenant's share stays taken for the whole wait
     */
    Held enter() {
        Optional<String> tenant = TenantScope.current();
        if (tenant.isEmpty() || perTenant == Integer.MAX_VALUE) {
            return NOTHING;
        }
        int[] held = HELD.get();
        if (held[0] > 0) {
            held[0]++;
            return () -> held[0]--;
        }
        Semaphore semaphore = semaphore(tenant.get());
        if (!acquire(semaphore)) {
            throw new GatewayException(ErrorCode.SERVER_BUSY, "tenant '" + shown(tenant.get()) + "' is using its whole share of the database pool ("
                + perTenant + " connections); retry shortly");
        }
        held[0] = 1;
        return () -> {
            if (--held[0] == 0) {
                semaphore.release();
            }
        };
    }

    private Semaphore semaphore(String tenant) {
        if (permits.size() >= MAX_TRACKED && !permits.containsKey(tenant)) {
            permits.entrySet().removeIf(entry -> entry.getValue().availablePermits() == perTenant);
        }
        return permits.computeIfAbsent(tenant, t -> new Semaphore(perTenant, true));
    }

    private boolean acquire(Semaphore semaphore) {
        try {
            return semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String shown(String tenant) {
        return tenant.length() > 40 ? tenant.substring(0, 40) + "…" : tenant;
    }
}
