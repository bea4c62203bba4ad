package io.coregate.gateway.domain.tenant;

import java.util.Optional;

/**
 * The tenant a request thread works for, set by the sdk and dfsp listeners' admission filter around the whole request,
 * so shared resources (the database pool's per-tenant share) can be counted per tenant without passing the tenant
 * through every call. Background jobs run without one. Each request has its own (virtual) thread.
 */
public final class TenantScope {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** The tenant (the request path's first segment) this thread works for, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} as work for {@code tenant}, restoring what was there before. */
    public static void run(String tenant, Runnable work) {
        String previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
