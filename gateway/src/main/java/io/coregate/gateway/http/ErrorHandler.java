package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where errors become HTTP answers: {@code {"statusCode": "<FSPIOP code>", "message": "..."}} (plus
 * {@code errors} for validation failures on the admin API). On the sdk listener the HTTP status is narrowed to the
 * backend spec's 400, 404 and 500. Internal errors (2001, and any unexpected exception) are logged with their detail
 * under a correlation id and answered with that id only: no database or stack text ever reaches a response.
 */
public final class ErrorHandler {

    private static final System.Logger LOG = System.getLogger(ErrorHandler.class.getName());

    private final Listener listener;

    private ErrorHandler(Listener listener) {
        this.listener = listener;
    }

    /** Registers the error handlers of one listener's routing. */
    public static void register(HttpRouting.Builder routing, Listener listener) {
        var handler = new ErrorHandler(listener);
        routing.error(GatewayException.class, handler::gateway);
        routing.error(RequestException.class, handler::request);
        routing.error(RuntimeException.class, handler::unexpected);
    }

    private void gateway(ServerRequest request, ServerResponse response, GatewayException e) {
        boolean foreignCause = e.getCause() != null && (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.SERVICE_UNAVAILABLE);
        if (foreignCause || e.code() == ErrorCode.INTERNAL) {
            // A cause (database, I/O, a library) may speak of tables, rows or hosts: its text stays in the log.
            internal(request, response, e.code(), e.getMessage(), e.getCause(), !foreignCause);
            return;
        }
        send(request, response, e.code(), e.getMessage(), e);
    }

    private void request(ServerRequest request, ServerResponse response, RequestException e) {
        ErrorCode code = e.status().code() == 413 ? ErrorCode.TOO_LARGE : ErrorCode.MALFORMED_SYNTAX;
        send(request, response, code, e.getMessage(), null);
    }

    private void unexpected(ServerRequest request, ServerResponse response, RuntimeException e) {
        internal(request, response, ErrorCode.INTERNAL, "failed", e, false);
    }

    /**
     * An internal error: the detail (database text, stack trace) goes to the log under a fresh correlation id; the
     * answer carries that id, and the gateway's own words only when they come from no foreign cause.
     */
    private void internal(ServerRequest request, ServerResponse response, ErrorCode code, String detail, Throwable cause,
                          boolean ownWords) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "correlation id " + correlationId + ": " + request.prologue().method().text() + " "
            + Routes.masked(request.path().path()) + ": " + detail, cause);
        String reference = "correlation id " + correlationId + "; the gateway log has the details";
        send(request, response, code, ownWords && detail != null && !detail.isBlank() ? detail + " (" + reference + ")"
            : (code == ErrorCode.INTERNAL ? "internal error, " : "service unavailable, ") + reference, null);
    }

    private void send(ServerRequest request, ServerResponse response, ErrorCode code, String message, GatewayException e) {
        if (response.isSent()) {
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", code.code());
        body.put("message", message == null || message.isBlank() ? code.title() : message);
        if (listener == Listener.ADMIN && e != null && !e.errors().isEmpty()) {
            body.put("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        int status = statusFor(listener, code);
        // The backend spec declares no 404 for its POST routes (quoterequests, transfers, ...): not found is a 400 there.
        if (listener == Listener.SDK && status == 404 && "POST".equals(request.prologue().method().text())) {
            status = 400;
        }
        Json.send(response, status, body);
    }

    /** The HTTP status for a code on a listener: the backend API only declares 400, 404 and 500. */
    public static int statusFor(Listener listener, ErrorCode code) {
        int natural = code.httpStatus();
        if (listener != Listener.SDK) {
            return natural;
        }
        if (natural == 404 || natural == 400 || natural == 500) {
            return natural;
        }
        return natural >= 500 ? 500 : 400;
    }
}
