package io.coregate.gateway.http;

import io.coregate.gateway.domain.access.ApiKeyScope;
import io.coregate.gateway.domain.access.ApiKeys;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Guards the DFSP channels' routes ({@code /{tenant}/...} on port 3004): the tenant is resolved once from the path
 * prefix, after the {@code X-API-Key} header proves the caller acts for it, and handed to the handler explicitly.
 * Missing, invalid, revoked or expired key: 401; another tenant's key, or a key without the scope the method needs
 * ({@code GET}: READ, others: SEND): 403; all {@code {"statusCode": "3000", "message"}}. Thread-safe.
 */
public final class DfspAuth {

    /** The header carrying the tenant's API key. */
    public static final HeaderName API_KEY = HeaderNames.create("X-API-Key");

    private final ApiKeys keys;

    public DfspAuth(ApiKeys keys) {
        this.keys = keys;
    }

    /** A DFSP handler: gets the authenticated tenant. */
    @FunctionalInterface
    public interface TenantHandler {
        void handle(ServerRequest request, ServerResponse response, Tenant tenant);
    }

    /** Wraps a handler of a route with a {@code {tenant}} path parameter so it runs only for an authenticated caller. */
    public Handler guard(TenantHandler handler) {
        return (request, response) -> handler.handle(request, response, authenticate(request));
    }

    private Tenant authenticate(ServerRequest request) {
        Tenant tenant = keys.authenticate(request.path().pathParameters().get("tenant"), request.headers().first(API_KEY),
            ApiKeyScope.forMethod(request.prologue().method().text()));
        SourceGuard.source(request).filter(source -> !tenant.document().access().allowsDfsp(source)).ifPresent(source -> {
            throw new GatewayException(ErrorCode.FORBIDDEN, SourceGuard.refusal(source, tenant.id().value(), "dfsp"));
        });
        return tenant;
    }
}
