package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.LinkedHashMap;

/**
 * Refuses a request whose decoded path holds a control character (an encoded NUL in a tenant name or id would reach
 * the database and fail there): 400 / 3101 before any route runs. Found by {@code security/RouteFuzzIT}.
 */
final class PathGuard implements Filter {

    private final Listener listener;

    PathGuard(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (request.path().path().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            var body = new LinkedHashMap<String, Object>();
            body.put("statusCode", ErrorCode.MALFORMED_SYNTAX.code());
            body.put("message", "the request path holds a control character");
            Json.send(response, ErrorHandler.statusFor(listener, ErrorCode.MALFORMED_SYNTAX), body);
            return;
        }
        chain.proceed();
    }
}
