package io.coregate.plugins.t24;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.support.http.HttpFailure;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.http.JsonResponse;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import io.coregate.plugin.support.oauth.ClientCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bank's Transact REST API over plugin-support's {@link JsonHttp}: every answer becomes an {@link Outcome} of its
 * {@code {header, body}} envelope, never an exception. T24 reports errors as {@code {"error": {"type", "errorDetails":
 * [{"code", "message"}]}}}, in any status (even 200): the first code decides through the tenant's error table.
 *
 * <p>One attempt per call: T24 has no idempotency key, so a payment order is never sent twice from here (the adapter
 * looks an order up by its reference before it repeats one). Credentials (basic, bearer or OAuth2 client credentials)
 * are read from the tenant's secrets on each call and redacted from every log line. Thread-safe.
 */
final class T24Client implements AutoCloseable {

    private final T24Settings settings;
    private final Secrets secrets;
    private final JsonHttp http;
    private final Optional<ClientCredentials> oauth;

    T24Client(T24Settings settings, Secrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
        Duration posting = settings.httpTimeout(Operation.POSTING);
        Duration connect = posting.compareTo(Duration.ofSeconds(2)) < 0 ? posting : Duration.ofSeconds(2);
        var log = new SupportLog(T24Client.class, Redactor.of(secrets, T24Auth.PASSWORD, T24Auth.TOKEN, T24Auth.CLIENT_SECRET));
        this.http = JsonHttp.create(new JsonHttp.Options(connect, 1 << 20, 1, Duration.ZERO), log, Optional.empty());
        this.oauth = settings.auth() instanceof T24Auth.OAuth2 o
                ? Optional.of(new ClientCredentials(http, new ClientCredentials.Config(o.tokenUrl(), o.clientId(), o.scope(),
                        Duration.ofSeconds(30), settings.httpTimeout(Operation.LOOKUP)), () -> secrets.require(T24Auth.CLIENT_SECRET),
                        Clock.systemUTC()))
                : Optional.empty();
    }

    /** {@code GET <baseUrl><path>}; {@code path} built with {@link #path}. */
    Outcome<JsonNode> get(String path, Operation kind) {
        return send(JsonRequest.get(uri(path), settings.httpTimeout(kind)));
    }

    /** {@code POST <baseUrl><path>} of {@code {"body": body}}: sent once, whatever happens. */
    Outcome<JsonNode> post(String path, Map<String, Object> body) {
        return send(JsonRequest.post(uri(path), Map.of("body", body), settings.httpTimeout(Operation.POSTING)));
    }

    /** {@code DELETE <baseUrl><path>}. */
    Outcome<JsonNode> delete(String path) {
        return send(new JsonRequest("DELETE", uri(path), Map.of(), new JsonRequest.Body.None(), settings.httpTimeout(Operation.POSTING),
                Optional.empty()));
    }

    /** A path template with each {@code {name}} replaced by its value, URL-encoded. */
    static String path(String template, Map<String, String> values) {
        String path = template;
        for (var entry : values.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private Outcome<JsonNode> send(JsonRequest request) {
        JsonResponse response;
        try {
            response = oauth.isPresent() ? oauth.get().send(request) : http.send(request.header("Authorization", credentials()));
        } catch (HttpFailure e) {
            return Outcome.failed(e.kind(), "t24: " + e.getMessage());
        } catch (CbsException e) {
            return Outcome.failed(e.kind(), "t24: " + e.getMessage());
        }
        return interpret(request.method() + " " + request.uri().getPath(), response);
    }

    private String credentials() {
        return switch (settings.auth()) {
            case T24Auth.Basic basic -> "Basic " + Base64.getEncoder().encodeToString((secrets.require(T24Auth.USERNAME) + ":"
                    + secrets.require(T24Auth.PASSWORD)).getBytes(StandardCharsets.UTF_8));
            case T24Auth.Bearer bearer -> "Bearer " + secrets.require(T24Auth.TOKEN);
            case T24Auth.OAuth2 o -> throw new IllegalStateException("OAuth2 requests go through ClientCredentials");
        };
    }

    /**
     * T24's answer: an error code in any status is a failure of its kind (a 5xx other than 503 with an unlisted code
     * may have booked: unknown); without one, 401 and 503 did not book, another 5xx is unknown, and any other status
     * is refused: a 404 without T24's error body is a path the bank does not serve, never "no record" (an order search
     * misread as empty would post an order twice).
     */
    Outcome<JsonNode> interpret(String call, JsonResponse response) {
        JsonNode error = response.body().path("error");
        Optional<String> code = code(error);
        int status = response.status();
        if (code.isPresent()) {
            String message = "t24 refused " + call + " (" + status + "): " + messages(error);
            if (status >= 500 && settings.errors().lookup(code.get()).isEmpty()) {
                return Outcome.failed(status == 503 ? FailureKind.UNAVAILABLE : FailureKind.TIMEOUT, message + " (vendor code " + code.get()
                        + "): the outcome is unknown");
            }
            return settings.errors().failed(code.get(), message);
        }
        if (status == 401 || status == 403) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "t24 refused the credentials (cbs.secrets, auth.type) on " + call + ": " + status);
        }
        if (status == 503) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "t24 is unavailable (503) on " + call);
        }
        if (status >= 500) {
            return Outcome.failed(FailureKind.TIMEOUT, "t24 answered " + status + " on " + call + ": the outcome is unknown");
        }
        if (!response.successful() || !error.isMissingNode() || "failed".equalsIgnoreCase(response.body().path("header").path("status").asText())) {
            return Outcome.failed(FailureKind.REJECTED, "t24 answered " + status + " without an error code on " + call
                    + " (is cbs.settings.baseUrl the API root with its base path?)");
        }
        return Outcome.done(response.body());
    }

    private static Optional<String> code(JsonNode error) {
        JsonNode details = error.path("errorDetails");
        if (details.isArray()) {
            for (JsonNode detail : details) {
                if (!detail.path("code").asText("").isBlank()) {
                    return Optional.of(detail.path("code").asText());
                }
            }
        }
        return Optional.of(error.path("code").asText("")).filter(c -> !c.isBlank());
    }

    private static String messages(JsonNode error) {
        List<String> lines = new ArrayList<>();
        error.path("errorDetails").forEach(d -> lines.add(d.path("code").asText("") + " " + d.path("message").asText("")));
        if (lines.isEmpty()) {
            lines.add(error.path("message").asText(""));
        }
        return String.join("; ", lines).strip();
    }

    private URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    @Override
    public void close() {
        http.close();
    }
}
