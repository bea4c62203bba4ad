package io.coregate.gateway.http;

import io.helidon.webserver.http.HttpRouting;

/**
 * The DFSP channels' API (port 3004), every route under a tenant prefix behind {@link DfspAuth}. The send-money and
 * merchant-payment routes arrive with the payer flow (register them here, before the fallbacks, each wrapped in
 * {@code auth.guard(...)}); until then an authenticated caller gets a JSON 3002 for every path, and an
 * unauthenticated one 401/403 first.
 */
public final class DfspRoutes {

    private final DfspAuth auth;

    public DfspRoutes(DfspAuth auth) {
        this.auth = auth;
    }

    /** Builds the dfsp listener's routing. */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.DFSP);
        routing.any("/{tenant}", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any("/{tenant}/*", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any(Routes::unknownUri);
    }
}
