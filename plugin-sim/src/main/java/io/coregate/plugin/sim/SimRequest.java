package io.coregate.plugin.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A request a route answers. Immutable and thread-safe.
 *
 * @param method     the HTTP method
 * @param path       the request path
 * @param pathParams the values of the route template's {@code {name}} segments
 * @param query      the query parameters (the first value of each)
 * @param headers    the request headers, names in lower case (the first value of each)
 * @param body       the JSON body; a missing node when there is none
 */
public record SimRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                         Map<String, String> headers, JsonNode body) {

    public SimRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A path parameter of the route template. */
    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    /** A top-level text member of the body. */
    public Optional<String> text(String field) {
        JsonNode node = body.path(field);
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** A header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
