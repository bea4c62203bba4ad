package io.coregate.plugin.tck.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over the JDK {@code HttpClient} to the example bank, with its error table: every answer becomes an
 * {@link Outcome} of the body, never an exception. A lost connection on a POST is {@link FailureKind#TIMEOUT} (the
 * booking may have happened); nothing is retried here. Thread-safe.
 */
final class ExampleClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, FailureKind> ERRORS = Map.of(
            "NO_SUCH_PARTY", FailureKind.NOT_FOUND,
            "NO_SUCH_ACCOUNT", FailureKind.NOT_FOUND,
            "NO_SUCH_TRANSFER", FailureKind.NOT_FOUND,
            "ACCOUNT_BLOCKED", FailureKind.BLOCKED,
            "INSUFFICIENT_FUNDS", FailureKind.INSUFFICIENT_FUNDS,
            "LIMIT_EXCEEDED", FailureKind.LIMIT_EXCEEDED,
            "CURRENCY_MISMATCH", FailureKind.UNSUPPORTED_CURRENCY,
            "SERVICE_DOWN", FailureKind.UNAVAILABLE);

    private final URI baseUrl;
    private final Secrets secrets;
    private final Duration timeout;
    private final HttpClient http;

    ExampleClient(URI baseUrl, Secrets secrets, Duration timeout) {
        this.baseUrl = baseUrl;
        this.secrets = secrets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A path segment, encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Outcome<JsonNode> get(String path) {
        return send(request(path).GET().build(), false);
    }

    Outcome<JsonNode> post(String path, Map<String, String> body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), true);
        } catch (JsonProcessingException e) {
            return Outcome.failed(FailureKind.REJECTED, "cannot write the request: " + e.getOriginalMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + secrets.require("apiToken"));
    }

    private Outcome<JsonNode> send(HttpRequest request, boolean books) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Outcome.failed(FailureKind.TIMEOUT, "the bank did not answer " + request.uri().getPath() + " within "
                    + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Outcome.failed(books ? FailureKind.TIMEOUT : FailureKind.UNAVAILABLE,
                    "the connection to the bank was lost on " + request.uri().getPath() + (books ? "; the booking may have happened" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(FailureKind.TIMEOUT, "interrupted while waiting for the bank");
        }
        return interpret(response);
    }

    private static Outcome<JsonNode> interpret(HttpResponse<String> response) {
        if (response.statusCode() == 401) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "the bank refused the access token");
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "the bank answered " + response.statusCode() + " with a body that is not JSON");
        }
        if (body.hasNonNull("code")) {
            String code = body.path("code").asText();
            FailureKind kind = ERRORS.getOrDefault(code, response.statusCode() >= 500 ? FailureKind.UNAVAILABLE : FailureKind.REJECTED);
            return Outcome.failed(kind, "the bank refused: " + code + " " + body.path("message").asText(""));
        }
        if (response.statusCode() >= 500) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "the bank answered " + response.statusCode());
        }
        if (response.statusCode() >= 300) {
            return Outcome.failed(FailureKind.REJECTED, "the bank answered " + response.statusCode());
        }
        return Outcome.done(body);
    }

    @Override
    public void close() {
        http.close();
    }
}
