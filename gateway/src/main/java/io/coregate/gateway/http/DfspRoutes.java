package io.coregate.gateway.http;

import io.helidon.webserver.http.HttpRouting;

/**
 * The DFSP channels' API (port 3004), every route under a tenant prefix behind {@link DfspAuth}: the payer routes
 * ({@link PayerRoutes}), then fallbacks: an authenticated caller gets a JSON 3002 for any other path, an
 * unauthenticated one 401/403 first.
 */
public final class DfspRoutes {

    private final DfspAuth auth;
    private final PayerRoutes payer;

    public DfspRoutes(DfspAuth auth, PayerRoutes payer) {
        this.auth = auth;
        this.payer = payer;
    }

    /** Builds the dfsp listener's routing. */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.DFSP);
        payer.routing(routing, auth);
        routing.any("/{tenant}", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any("/{tenant}/*", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any(Routes::unknownUri);
    }
}
