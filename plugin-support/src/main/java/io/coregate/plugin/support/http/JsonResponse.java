package io.coregate.plugin.support.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An answer that was read completely: its status and JSON body ({@code MissingNode} when the body was empty, or when
 * an error status came with a body that is not JSON, such as a proxy's HTML page). Immutable.
 *
 * @param status the HTTP status
 * @param body   the parsed body
 */
public record JsonResponse(int status, JsonNode body) {

    public JsonResponse {
        Objects.requireNonNull(body, "body");
    }

    /** A 2xx status. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** A text member of the body, empty string when absent (for vendor error codes and references). */
    public String text(String field) {
        JsonNode node = body.path(field);
        return node.isValueNode() ? node.asText() : "";
    }
}
