package io.coregate.gateway.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;
import java.util.Map;

/** Reads JSON request bodies strictly and writes JSON answers. Thread-safe. */
public final class Json {

    /** The shared mapper: exact decimals, duplicate keys refused, trailing garbage refused. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build());
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * The request body as a JSON object.
     *
     * @throws GatewayException 3101 for a missing, non-JSON or malformed body, or one that is not an object
     */
    public static Map<String, Object> readObject(ServerRequest request) {
        String contentType = request.headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX,
                "Content-Type must be application/json" + (contentType.isEmpty() ? "" : ", was " + contentType));
        }
        if (!request.content().hasEntity()) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body is missing");
        }
        return parseObject(request.content().as(byte[].class));
    }

    /** Parses bytes as a JSON object; 3101 naming the problem otherwise. */
    public static Map<String, Object> parseObject(byte[] body) {
        try {
            Object value = MAPPER.readValue(body, Object.class);
            if (!(value instanceof Map)) {
                throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body must be a JSON object");
            }
            return MAPPER.convertValue(value, OBJECT);
        } catch (JacksonException e) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body cannot be read");
        }
    }

    /** Sends a JSON answer. */
    public static void send(ServerResponse response, int status, Object body) {
        response.status(Status.create(status));
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(bytes(body));
    }

    /** Serializes a value. */
    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL, "answer cannot be serialized", e);
        }
    }

    /** Sends an empty 204 (admin deletes only; never on the backend API). */
    public static void noContent(ServerResponse response) {
        response.status(Status.NO_CONTENT_204);
        response.header(HeaderNames.CONTENT_LENGTH, "0");
        response.send();
    }
}
