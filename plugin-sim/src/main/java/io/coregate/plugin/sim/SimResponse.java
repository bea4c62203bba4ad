package io.coregate.plugin.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * A route's answer: a status and a JSON body. Immutable and thread-safe.
 *
 * @param status the HTTP status
 * @param body   the JSON body (a missing node for none)
 */
public record SimResponse(int status, JsonNode body) {

    /** Writes amounts as given ({@code 100}, {@code 10.50}), never {@code 1E+2}. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    public SimResponse {
        Objects.requireNonNull(body, "body");
    }

    /** Any value Jackson can write (a {@code Map}, a record) as the body. */
    public static SimResponse of(int status, Object body) {
        return new SimResponse(status, JSON.valueToTree(body));
    }

    /** 200 with the value as body. */
    public static SimResponse ok(Object body) {
        return of(200, body);
    }

    /** Whether the status is 2xx. */
    public boolean success() {
        return status >= 200 && status < 300;
    }
}
