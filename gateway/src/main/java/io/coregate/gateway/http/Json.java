package io.coregate.gateway.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;
import io.coregate.gateway.json.Mappers;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;
import java.util.Map;

/** Reads JSON request bodies strictly and writes JSON answers. Thread-safe. */
public final class Json {

    /**
     * The one configured mapper of the gateway: exact decimals, duplicate keys and trailing garbage refused, unknown
     * properties ignored (the Connector sends more than the spec names), no coercion of numbers or booleans into
     * strings (an amount sent as a JSON number is refused, not read), {@code Optional} and {@code java.time} supported,
     * absent values left out of answers; numbers, nesting and strings bounded at parse time (see {@link Mappers}).
     */
    public static final ObjectMapper MAPPER = Mappers.json();

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
        requireJson(request);
        return parseObject(request.content().as(byte[].class));
    }

    /**
     * The request body bound to a validated record, with the SHA-256 of its canonical form (for idempotency).
     *
     * @throws GatewayException 3101 for a body that is not a JSON object, 3100 naming the field of a wrong type, and
     *                          every problem the record's check reports
     */
    public static <T extends Validated> Bound<T> read(ServerRequest request, Class<T> type) {
        return bind(tree(request), type);
    }

    /** The request body as a JSON object tree (see {@link #readObject} for the checks). */
    public static ObjectNode tree(ServerRequest request) {
        requireJson(request);
        return parseTree(request.content().as(byte[].class));
    }

    /** Binds a JSON object to a validated record; see {@link #read}. */
    private static <T extends Validated> Bound<T> bind(ObjectNode body, Class<T> type) {
        T value;
        try {
            value = MAPPER.treeToValue(body, type);
        } catch (MismatchedInputException e) {
            throw new GatewayException(ErrorCode.VALIDATION, Mappers.path(e) + " " + Mappers.expected(e));
        } catch (JacksonException e) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body cannot be read: " + e.getOriginalMessage());
        }
        return new Bound<>(Check.valid(value), CanonicalJson.hash(body));
    }

    /**
     * A bound request.
     *
     * @param value the validated record
     * @param hash  the hex SHA-256 of the body's canonical form: equal for bodies that differ only in key order or spacing
     * @param <T>   the record type
     */
    public record Bound<T>(T value, String hash) {
    }

    /** Parses bytes as a JSON object tree; 3101 naming the problem otherwise. */
    public static ObjectNode parseTree(byte[] body) {
        if (!(parse(body, JsonNode.class) instanceof ObjectNode object)) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body must be a JSON object");
        }
        return object;
    }

    /**
     * Parses bytes with the bounded mapper; 3101 naming the JSON pointer where the body was refused (a number with too
     * many digits or too large an exponent, too deep a nesting, too long a string, bad syntax).
     */
    private static <T> T parse(byte[] body, Class<T> type) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            try {
                return MAPPER.readValue(parser, type);
            } catch (JacksonException e) {
                throw new GatewayException(ErrorCode.MALFORMED_SYNTAX,
                    "request body is not valid JSON at " + Mappers.pointer(parser) + ": " + e.getOriginalMessage());
            }
        } catch (java.io.IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body cannot be read");
        }
    }

    private static void requireJson(ServerRequest request) {
        String contentType = request.headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX,
                "Content-Type must be application/json" + (contentType.isEmpty() ? "" : ", was " + contentType));
        }
        if (!request.content().hasEntity()) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body is missing");
        }
    }

    /** Parses bytes as a JSON object; 3101 naming the problem otherwise. */
    public static Map<String, Object> parseObject(byte[] body) {
        if (!(parse(body, Object.class) instanceof Map<?, ?> value)) {
            throw new GatewayException(ErrorCode.MALFORMED_SYNTAX, "request body must be a JSON object");
        }
        return MAPPER.convertValue(value, OBJECT);
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
