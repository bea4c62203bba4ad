package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Small helpers shared by the route classes. */
final class Routes {

    private static final java.util.regex.Pattern CALLBACK_TOKEN = java.util.regex.Pattern.compile("(/callbacks/)[^/]+");

    private Routes() {
    }

    /** The fallback of every listener: a JSON 3002 instead of a router 404. */
    static void unknownUri(ServerRequest request, ServerResponse response) {
        throw new GatewayException(ErrorCode.UNKNOWN_URI,
            "no route for " + request.prologue().method().text() + " " + shorten(masked(request.path().path())));
    }

    /** A path fit for logs and messages: a CBS callback token ({@code /callbacks/<token>}) is masked. */
    static String masked(String path) {
        return CALLBACK_TOKEN.matcher(path).replaceAll("$1***");
    }

    /** Caps user-supplied text echoed in messages. */
    static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
