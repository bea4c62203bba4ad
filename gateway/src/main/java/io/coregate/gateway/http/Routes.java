package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Small helpers shared by the route classes. */
final class Routes {

    private Routes() {
    }

    /** The fallback of every listener: a JSON 3002 instead of a router 404. */
    static void unknownUri(ServerRequest request, ServerResponse response) {
        throw new GatewayException(ErrorCode.UNKNOWN_URI,
            "no route for " + request.prologue().method().text() + " " + shorten(request.path().path()));
    }

    /** Caps user-supplied text echoed in messages. */
    static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
