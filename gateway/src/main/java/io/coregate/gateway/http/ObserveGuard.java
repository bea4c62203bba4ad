package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.LinkedHashMap;

/**
 * Guards {@code /observe/...} on the admin listener: unless {@code admin.public-observe}, health details
 * ({@code /observe/health}) and metrics ({@code /observe/metrics}, per-tenant series) need the admin token or any
 * operator token (an auditor's is enough: give Prometheus one); the probes {@code /observe/health/live|ready|started}
 * always answer, for the kubelet, but carry per-tenant detail only when public or asked with a token. Thread-safe.
 */
final class ObserveGuard implements Filter {

    private static final ThreadLocal<Boolean> DETAILS = new ThreadLocal<>();

    private final AdminAuth auth;

    ObserveGuard(AdminAuth auth) {
        this.auth = auth;
    }

    /** Whether the health check being answered on this thread may show per-tenant detail. */
    static boolean details() {
        return Boolean.TRUE.equals(DETAILS.get());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        if (!path.startsWith("/observe/") && !"/observe".equals(path)) {
            chain.proceed();
            return;
        }
        boolean allowed = auth.publicObserve() || auth.identifies(request);
        boolean probe = path.startsWith("/observe/health/") && path.length() > "/observe/health/".length();
        if (!allowed && !probe) {
            var body = new LinkedHashMap<String, Object>();
            body.put("statusCode", ErrorCode.UNAUTHORIZED.code());
            body.put("message", "health details and metrics need 'Authorization: Bearer <token>' (the admin token or an operator token,"
                + " e.g. an AUDITOR's for Prometheus), unless admin.public-observe is true; the probes /observe/health/live, /ready"
                + " and /started answer without one");
            Json.send(response, ErrorCode.UNAUTHORIZED.httpStatus(), body);
            return;
        }
        DETAILS.set(allowed);
        try {
            chain.proceed();
        } finally {
            DETAILS.remove();
        }
    }
}
