package io.coregate.gateway.http;

import io.coregate.gateway.config.TenantLimits;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.tenant.TenantScope;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-tenant admission on the sdk and dfsp listeners: a request rate (token bucket) and a bound on the requests served
 * at once. A request over either is refused with 2005 and a {@code Retry-After} header before any route runs, so a
 * DFSP flooding its own prefix cannot take connections, threads or database time from the others. The tenant is the
 * first path segment; names that are not tenants are counted too (their requests end in 3200), and the table of
 * counters is kept bounded by forgetting quiet entries, which is lossless: a forgotten counter and a new one are alike.
 */
final class TenantThrottle implements Filter {

    /** Above this many counters, quiet ones are forgotten before a new one is added. */
    static final int MAX_TRACKED = 4_096;

    private final Listener listener;
    private final TenantLimits limits;
    private final LongSupplier nanoClock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    TenantThrottle(Listener listener, TenantLimits limits, LongSupplier nanoClock) {
        this.listener = listener;
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    /** One tenant's counters on this listener. */
    private record Counter(Optional<TokenBucket> rate, Semaphore inFlight) {

        boolean quiet(long nowNanos, int maxInFlight) {
            return inFlight.availablePermits() == maxInFlight && rate.map(bucket -> bucket.full(nowNanos)).orElse(true);
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String tenant = firstSegment(request.path().path());
        if (tenant.isEmpty()) {
            chain.proceed();
            return;
        }
        Counter counter = counter(tenant);
        if (counter.rate().isPresent()) {
            long wait = counter.rate().get().take(nanoClock.getAsLong());
            if (wait > 0) {
                refuse(response, wait, "tenant '" + shown(tenant) + "' is over its request rate of " + limits.requestsPerSecond()
                    + " per second on this listener; retry after " + wait + " s");
                return;
            }
        }
        if (!admitted(counter.inFlight())) {
            refuse(response, 1, "tenant '" + shown(tenant) + "' already has " + limits.maxInFlight()
                + " requests in progress on this listener; retry shortly");
            return;
        }
        try {
            TenantScope.run(tenant, chain::proceed);
        } finally {
            counter.inFlight().release();
        }
    }

    private boolean admitted(Semaphore inFlight) {
        if (inFlight.tryAcquire()) {
            return true;
        }
        try {
            return inFlight.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Counter counter(String tenant) {
        Counter known = counters.get(tenant);
        if (known != null) {
            return known;
        }
        if (counters.size() >= MAX_TRACKED) {
            long now = nanoClock.getAsLong();
            counters.values().removeIf(counter -> counter.quiet(now, limits.maxInFlight()));
        }
        return counters.computeIfAbsent(tenant, name -> new Counter(
            limits.rateLimited() ? Optional.of(new TokenBucket(limits.requestsPerSecond(), limits.burst(), nanoClock.getAsLong()))
                : Optional.empty(),
            new Semaphore(limits.maxInFlight())));
    }

    /** How many tenants are counted now (for tests of the bound). */
    int tracked() {
        return counters.size();
    }

    private void refuse(RoutingResponse response, long retryAfterSeconds, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", ErrorCode.SERVER_BUSY.code());
        body.put("message", message);
        response.header(HeaderNames.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Json.send(response, ErrorHandler.statusFor(listener, ErrorCode.SERVER_BUSY), body);
    }

    /** The first segment of a path: the tenant on the sdk and dfsp listeners. */
    static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    private static String shown(String tenant) {
        return tenant.length() > 40 ? tenant.substring(0, 40) + "…" : tenant;
    }
}
