package io.coregate.plugins.examplebank;

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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The examplebank REST API over plugin-support's {@link JsonHttp}: every answer becomes an {@link Outcome} of its JSON
 * body, never an exception. Every request carries {@code Authorization: Bearer <apiToken>}, the secret read on each call
 * (a rotated secret applies at once) and redacted from every log line.
 *
 * <p>Nothing is sent twice here: the client makes one attempt per call. The gateway repeats a money operation after a
 * timeout with the same transfer id, hence the same {@code Idempotency-Key}, and the bank answers a key it has booked
 * with that booking instead of booking again. Thread-safe.
 */
final class ExampleBankClient implements AutoCloseable {

    /** The header the bank de-duplicates postings on. */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final ExampleBankSettings settings;
    private final Secrets secrets;
    private final JsonHttp http;

    ExampleBankClient(ExampleBankSettings settings, Secrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
        Duration connect = settings.httpTimeout().compareTo(Duration.ofSeconds(2)) < 0 ? settings.httpTimeout() : Duration.ofSeconds(2);
        var options = new JsonHttp.Options(connect, 1 << 20, 1, Duration.ZERO);
        var log = new SupportLog(ExampleBankClient.class, Redactor.of(secrets, ExampleBankSettings.TOKEN_SECRET));
        this.http = JsonHttp.create(options, log, Optional.empty());
    }

    /** {@code GET /v1/<segments...>}, each segment URL-encoded. */
    Outcome<JsonNode> get(String... segments) {
        return send(JsonRequest.get(uri(segments), settings.httpTimeout()));
    }

    /** {@code POST /v1/transfers} of one posting under its leg's idempotency key. */
    Outcome<JsonNode> postTransfer(String idempotencyKey, Map<String, String> body) {
        return send(JsonRequest.post(uri("transfers"), body, settings.httpTimeout()).idempotent(IDEMPOTENCY_HEADER, idempotencyKey));
    }

    private Outcome<JsonNode> send(JsonRequest request) {
        JsonResponse response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + secrets.require(ExampleBankSettings.TOKEN_SECRET)));
        } catch (HttpFailure e) {
            return Outcome.failed(e.kind(), "examplebank: " + e.getMessage());
        }
        return interpret(request.method() + " " + request.uri().getPath(), response);
    }

    /** The bank's answer: an error code in any status (even 200) is a failure; 503 did not book, other 5xx may have. */
    private Outcome<JsonNode> interpret(String call, JsonResponse response) {
        String code = response.text("code");
        if (!code.isEmpty()) {
            return settings.errors().failed(code, "examplebank refused " + call + ": " + response.text("message"));
        }
        if (response.status() == 401) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "examplebank refused the API token (cbs.secrets."
                    + ExampleBankSettings.TOKEN_SECRET + ") on " + call);
        }
        if (response.status() == 503) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "examplebank is unavailable (503) on " + call);
        }
        if (response.status() >= 500) {
            return Outcome.failed(FailureKind.TIMEOUT, "examplebank answered " + response.status() + " on " + call
                    + ": the outcome is unknown");
        }
        if (!response.successful()) {
            return Outcome.failed(FailureKind.REJECTED, "examplebank answered " + response.status() + " without an error code on "
                    + call + " (is cbs.settings.baseUrl right?)");
        }
        return Outcome.done(response.body());
    }

    private URI uri(String... segments) {
        return URI.create(settings.baseUrl() + "/v1/" + Arrays.stream(segments)
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/")));
    }

    @Override
    public void close() {
        http.close();
    }
}
