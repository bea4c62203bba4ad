package io.coregate.gateway.http;

import io.helidon.webserver.http.HttpRouting;

/**
 * The DFSP channels' API (port 3004), every route under a tenant prefix: the CBS callbacks ({@link CallbackRoutes},
 * authenticated by the tenant's callback token, no API key), then behind {@link DfspAuth} the payer routes
 * ({@link PayerRoutes}), then fallbacks: an authenticated caller gets a JSON 3002 for any other path, an
 * unauthenticated one 401/403 first.
 */
public final class DfspRoutes {

    private final DfspAuth auth;
    private final PayerRoutes payer;
    private final CallbackRoutes callbacks;

    public DfspRoutes(DfspAuth auth, PayerRoutes payer, CallbackRoutes callbacks) {
        this.auth = auth;
        this.payer = payer;
        this.callbacks = callbacks;
    }

    /** Builds the dfsp listener's routing. */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.DFSP);
        callbacks.routing(routing);
        payer.routing(routing, auth);
        routing.any("/{tenant}", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any("/{tenant}/*", auth.guard((request, response, tenant) -> Routes.unknownUri(request, response)))
            .any(Routes::unknownUri);
    }
}
