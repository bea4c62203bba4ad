package io.coregate.gateway.http;

import io.helidon.webserver.http.HttpRouting;

/**
 * The DFSP channels' API (port 3004). The send-money and merchant-payment routes arrive with the payer flow; until
 * then every path answers a JSON 3002 rather than a router 404.
 */
public final class DfspRoutes {

    /** Builds the dfsp listener's routing. */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.DFSP);
        routing.any(Routes::unknownUri);
    }
}
