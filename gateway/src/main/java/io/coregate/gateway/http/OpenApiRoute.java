package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

import java.io.IOException;
import java.io.InputStream;

/** {@code GET /openapi} on the admin listener: the OpenAPI document of the three listeners, shipped as a resource. */
public final class OpenApiRoute {

    private static final String RESOURCE = "/openapi/coregate.yaml";

    private OpenApiRoute() {
    }

    /** Adds the route (public, like the health endpoints). */
    public static void routing(HttpRouting.Builder routing) {
        byte[] document = load();
        routing.get("/openapi", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "application/yaml");
            response.send(document);
        });
    }

    private static byte[] load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new GatewayException(ErrorCode.INTERNAL, RESOURCE + " is missing from the distribution");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INTERNAL, RESOURCE + " cannot be read", e);
        }
    }
}
