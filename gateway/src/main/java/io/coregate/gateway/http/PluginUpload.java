package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.plugin.PluginInventory;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /admin/plugins}: the body is a plugin jar ({@code application/java-archive} or
 * {@code application/octet-stream}, at most {@code limits.max-admin-payload-bytes}). Answers the plugin's listing
 * entry: 201 when it started, 200 when that jar was loaded already, 400 (with {@code statusCode} 3100 and the
 * reason) when it failed or was rejected. Stateless.
 */
final class PluginUpload {

    private static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/octet-stream",
        "application/x-java-archive", "application/zip");

    private PluginUpload() {
    }

    static void handle(ServerRequest request, ServerResponse response, String actor, PluginInventory plugins) {
        String type = request.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        if (!JAR_TYPES.contains(type)) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "Content-Type must be application/java-archive or "
                + "application/octet-stream" + (type.isEmpty() ? "" : ", was " + Routes.shorten(type)));
        }
        if (!request.content().hasEntity()) {
            throw new GatewayException(ErrorCode.MISSING_ELEMENT, "request body is missing: send the plugin jar");
        }
        var upload = plugins.upload(request.content().as(byte[].class), actor);
        if (!"STARTED".equals(upload.plugin().state())) {
            Json.send(response, 400, new AdminViews.RefusedPlugin(upload.plugin(), ErrorCode.VALIDATION.code(),
                "plugin jar not loaded: " + upload.plugin().reason().orElse(upload.plugin().state())));
            return;
        }
        Json.send(response, upload.created() ? 201 : 200, upload.plugin());
    }
}
