package io.coregate.gateway.http;

import io.coregate.gateway.domain.cbs.CallbackReceiver;
import io.coregate.gateway.domain.cbs.ReceivedCallback;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tenants' CBS callbacks on the dfsp listener (port 3004): {@code /{tenant}/callbacks/{token}/**}, any method, no
 * API key (the token in the path is the credential), the body bounded by the listener's limit. A stored callback is
 * answered {@code 200 {}} whether or not the adapter could read it; an unknown tenant or a wrong token is 404 and
 * nothing is stored. The token is never echoed or logged. Thread-safe.
 */
public final class CallbackRoutes {

    private static final String BASE = "/{tenant}/callbacks/{token}";

    private final CallbackReceiver receiver;
    private final RequestMetrics metrics;

    public CallbackRoutes(CallbackReceiver receiver, RequestMetrics metrics) {
        this.receiver = receiver;
        this.metrics = metrics;
    }

    /** Adds the callback routes; before any route that asks for an API key. */
    void routing(HttpRouting.Builder routing) {
        routing.any(BASE, metrics.timed(Listener.DFSP, "callbacks", this::receive))
            .any(BASE + "/{+rest}", metrics.timed(Listener.DFSP, "callbacks", this::receive));
    }

    private void receive(ServerRequest request, ServerResponse response) {
        var params = request.path().pathParameters();
        String token = params.get("token");
        byte[] body = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        receiver.receive(params.get("tenant"), token, new ReceivedCallback(request.prologue().method().text(),
            subPath(request.path().path(), token), headers(request), new String(body, StandardCharsets.UTF_8)));
        Json.send(response, 200, Map.of());
    }

    /** What follows the token: {@code /transactions}, or empty. */
    private static String subPath(String path, String token) {
        int at = path.indexOf("/callbacks/" + token);
        return at < 0 ? "" : path.substring(at + "/callbacks/".length() + token.length());
    }

    private static Map<String, List<String>> headers(ServerRequest request) {
        var headers = new LinkedHashMap<String, List<String>>();
        request.headers().forEach(header -> headers.put(header.name().toLowerCase(Locale.ROOT), header.allValues()));
        return headers;
    }
}
