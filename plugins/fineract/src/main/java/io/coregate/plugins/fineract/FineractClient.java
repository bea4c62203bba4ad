package io.coregate.plugins.fineract;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.support.http.HttpFailure;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.http.JsonResponse;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fineract's REST API over plugin-support's {@link JsonHttp}: every answer becomes an {@link Outcome} of its JSON body,
 * never an exception. Every request carries basic authentication (the password secret read on each call, so a rotated
 * secret applies at once, and redacted from every log line) and the {@code Fineract-Platform-TenantId} header.
 *
 * <p>One attempt per call. A money call carries its leg's {@code Idempotency-Key}: Fineract answers a key it has
 * processed with that first answer (header {@code x-served-from-cache}), and refuses one still in progress (409, 425 in
 * later versions), which is answered {@link FailureKind#TIMEOUT}: the gateway asks again later. Thread-safe.
 */
final class FineractClient implements AutoCloseable {

    /** The header Fineract de-duplicates commands on. */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The header naming the Fineract tenant. */
    static final String TENANT_HEADER = "Fineract-Platform-TenantId";

    private final FineractSettings settings;
    private final Secrets secrets;
    private final JsonHttp http;

    FineractClient(FineractSettings settings, Secrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
        Duration connect = settings.httpTimeout().compareTo(Duration.ofSeconds(2)) < 0 ? settings.httpTimeout() : Duration.ofSeconds(2);
        var options = new JsonHttp.Options(connect, 4 << 20, 1, Duration.ZERO);
        var log = new SupportLog(FineractClient.class, Redactor.of(secrets, FineractSettings.PASSWORD_SECRET));
        this.http = JsonHttp.create(options, log, Optional.empty());
    }

    /** {@code GET <baseUrl>/<path>?<query>}. */
    Outcome<JsonNode> get(String path, Map<String, String> query) {
        return send(JsonRequest.get(uri(path, query), settings.httpTimeout()));
    }

    /** {@code POST <baseUrl>/<path>?<query>} of a command under its leg's idempotency key. */
    Outcome<JsonNode> post(String path, Map<String, String> query, Object body, String idempotencyKey) {
        return send(JsonRequest.post(uri(path, query), body, settings.httpTimeout()).idempotent(IDEMPOTENCY_HEADER, idempotencyKey));
    }

    /** A body as JSON text (a batch item's body). */
    String json(Object body) {
        try {
            return http.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body.getClass().getName(), e);
        }
    }

    /** Reads an error body Fineract put inside a batch item (its {@code body} is JSON text). */
    JsonNode parse(String text) {
        try {
            return http.mapper().readTree(text);
        } catch (java.io.IOException e) {
            return http.mapper().createObjectNode().put("defaultUserMessage", text);
        }
    }

    /**
     * Fineract's error answer as a failure: {@code errors[0].userMessageGlobalisationCode} (else the top-level one)
     * through the tenant's error table.
     */
    <T> Outcome<T> refused(String call, int status, JsonNode body) {
        String code = code(body);
        String said = first(body, "defaultUserMessage");
        String message = "Fineract answered " + status + " on " + call + ": "
                + (said.isEmpty() ? body.path("defaultUserMessage").asText("") : said);
        if (!code.isEmpty() && settings.errors().lookup(code).isPresent()) {
            return settings.errors().failed(code, message);
        }
        if (status == 404) {
            return Outcome.failed(FailureKind.NOT_FOUND, message + " (" + code + ")");
        }
        if (code.isEmpty()) {
            return Outcome.failed(FailureKind.REJECTED, message + " (no error code; is cbs.settings.baseUrl right?)");
        }
        return settings.errors().failed(code, message);
    }

    private Outcome<JsonNode> send(JsonRequest request) {
        String call = request.method() + " " + request.uri().getPath();
        JsonResponse response;
        try {
            response = http.send(request.header("Authorization", basic()).header(TENANT_HEADER, settings.tenantIdentifier()));
        } catch (HttpFailure e) {
            return Outcome.failed(e.kind(), "Fineract: " + e.getMessage());
        }
        int status = response.status();
        if (status == 401) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "Fineract refused the credentials of cbs.settings.username and cbs.secrets."
                    + FineractSettings.PASSWORD_SECRET + " on " + call);
        }
        if (status == 409 || status == 425) {
            return Outcome.failed(FailureKind.TIMEOUT, "Fineract is still processing the request under this Idempotency-Key ("
                    + status + ") on " + call + ": ask again later");
        }
        if (status == 503) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "Fineract is unavailable (503) on " + call);
        }
        if (status >= 500) {
            return Outcome.failed(FailureKind.TIMEOUT, "Fineract answered " + status + " on " + call + ": the outcome is unknown");
        }
        if (!response.successful() || !code(response.body()).isEmpty()) {
            return refused(call, status, response.body());
        }
        return Outcome.done(response.body());
    }

    private static String code(JsonNode body) {
        String nested = first(body, "userMessageGlobalisationCode");
        return nested.isEmpty() ? body.path("userMessageGlobalisationCode").asText("") : nested;
    }

    private static String first(JsonNode body, String field) {
        JsonNode errors = body.path("errors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0).path(field).asText("") : "";
    }

    private String basic() {
        String pair = settings.username() + ":" + secrets.require(FineractSettings.PASSWORD_SECRET);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path, Map<String, String> query) {
        String params = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(settings.baseUrl() + "/" + path + (params.isEmpty() ? "" : "?" + params));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.close();
    }
}
