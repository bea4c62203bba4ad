package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.LinkedHashMap;

/**
 * Answers protocol-level failures that never reach routing (malformed requests, oversized bodies) with the same JSON
 * error body as everything else, never Helidon's plain-text default and never the offending input.
 */
final class JsonDirectHandler implements DirectHandler {

    private final Listener listener;

    private JsonDirectHandler(Listener listener) {
        this.listener = listener;
    }

    /** Direct handlers for one listener. */
    static DirectHandlers forListener(Listener listener) {
        var handler = new JsonDirectHandler(listener);
        var builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status, ServerResponseHeaders headers,
                                    String message) {
        ErrorCode code = status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code() ? ErrorCode.TOO_LARGE : switch (eventType) {
            case PAYLOAD_TOO_LARGE -> ErrorCode.TOO_LARGE;
            case BAD_REQUEST, HTTP_VERSION_NOT_SUPPORTED -> ErrorCode.MALFORMED_SYNTAX;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case INTERNAL_ERROR, OTHER -> status.code() >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_SYNTAX;
        };
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", code.code());
        body.put("message", switch (code) {
            case TOO_LARGE -> "request body is larger than this listener accepts";
            case MALFORMED_SYNTAX -> "malformed HTTP request";
            default -> code.title();
        });
        return TransportResponse.builder()
            .status(Status.create(ErrorHandler.statusFor(listener, code)))
            .headers(headers)
            .header(HeaderValues.CONTENT_TYPE_JSON)
            .entity(Json.bytes(body))
            .build();
    }
}
