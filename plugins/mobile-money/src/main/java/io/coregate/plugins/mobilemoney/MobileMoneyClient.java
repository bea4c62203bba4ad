package io.coregate.plugins.mobilemoney;

import io.coregate.plugin.support.http.HttpUrls;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's GSMA Mobile Money API over plugin-support's {@link JsonHttp}: every answer becomes an {@link Outcome}
 * of its JSON body, never an exception. GSMA errors are {@code {errorCategory, errorCode, errorDescription}} (some
 * providers write {@code errordescription}) in any status, even a 200: the code decides through the tenant's error
 * table; {@code duplicateRequest} (a reused {@code X-CorrelationID}) is answered as {@link #DUPLICATE} so the adapter
 * looks the earlier request up instead of failing.
 *
 * <p>One attempt per call (the adapter decides about repeats). {@code X-API-Key}, {@code X-User-Bearer} or the OAuth2
 * token are read from the tenant's secrets on each call and redacted from every log line, as is the callback URL (it
 * carries the tenant's callback token). Thread-safe.
 */
final class MobileMoneyClient implements AutoCloseable {

    /** The message prefix of a {@code duplicateRequest} refusal. */
    static final String DUPLICATE = "duplicateRequest";

    private final MobileMoneySettings settings;
    private final Secrets secrets;
    private final JsonHttp http;
    private final Optional<ClientCredentials> oauth;

    MobileMoneyClient(MobileMoneySettings settings, Secrets secrets, Optional<String> callbackUrl) {
        this.settings = settings;
        this.secrets = secrets;
        Duration posting = settings.httpTimeout(Operation.POSTING);
        Duration connect = posting.compareTo(Duration.ofSeconds(2)) < 0 ? posting : Duration.ofSeconds(2);
        Redactor redactor = Redactor.of(secrets, MobileMoneySettings.API_KEY, MobileMoneySettings.USER_BEARER,
                MobileMoneySettings.CLIENT_SECRET);
        if (callbackUrl.isPresent()) {
            redactor = redactor.with(callbackUrl.get());
        }
        var log = new SupportLog(MobileMoneyClient.class, redactor);
        this.http = JsonHttp.create(new JsonHttp.Options(connect, 1 << 20, 1, Duration.ZERO), log, Optional.empty());
        this.oauth = settings.auth() == MobileMoneySettings.Auth.OAUTH2
                ? Optional.of(new ClientCredentials(http, new ClientCredentials.Config(
                        HttpUrls.parse(settings.authSetting("tokenUrl")).orElseThrow(),
                        settings.authSetting("clientId").orElseThrow(), settings.authSetting("scope"), Duration.ofSeconds(30),
                        settings.httpTimeout(Operation.LOOKUP)), () -> secrets.require(MobileMoneySettings.CLIENT_SECRET), Clock.systemUTC()))
                : Optional.empty();
    }

    /** {@code GET <baseUrl><path>}; {@code path} built with {@link #path}. */
    Outcome<JsonNode> get(String path, Operation kind) {
        return send(JsonRequest.get(uri(path), settings.httpTimeout(kind)), Optional.empty());
    }

    /**
     * {@code POST <baseUrl><path>} under this {@code X-CorrelationID}, asking for callbacks at {@code callbackUrl}: sent once.
     */
    Outcome<JsonNode> post(String path, Map<String, Object> body, String correlationId, Optional<String> callbackUrl) {
        JsonRequest request = JsonRequest.post(uri(path), body, settings.httpTimeout(Operation.POSTING)).header("X-CorrelationID",
                correlationId);
        if (callbackUrl.isPresent()) {
            request = request.header("X-Callback-URL", callbackUrl.get());
        }
        return send(request, Optional.of(correlationId));
    }

    /** A path template with each {@code {name}} replaced by its value, URL-encoded. */
    static String path(String template, Map<String, String> values) {
        String path = template;
        for (var entry : values.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private Outcome<JsonNode> send(JsonRequest request, Optional<String> correlationId) {
        JsonRequest signed = request.header("X-Date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        JsonResponse response;
        try {
            if (settings.auth() != MobileMoneySettings.Auth.OAUTH2 || secrets.get(MobileMoneySettings.API_KEY).isPresent()) {
                signed = signed.header("X-API-Key", secrets.require(MobileMoneySettings.API_KEY));
            }
            Optional<String> bearer = secrets.get(MobileMoneySettings.USER_BEARER);
            if (bearer.isPresent()) {
                signed = signed.header("X-User-Bearer", bearer.get());
            }
            response = oauth.isPresent() ? oauth.get().send(signed) : http.send(signed);
        } catch (HttpFailure e) {
            return Outcome.failed(e.kind(), "mobile money: " + e.getMessage());
        } catch (CbsException e) {
            return Outcome.failed(e.kind(), "mobile money: " + e.getMessage());
        }
        return interpret(request.method() + " " + request.uri().getPath() + correlationId.map(id -> " (X-CorrelationID " + id + ")").orElse(""),
                response);
    }

    /**
     * The provider's answer: a GSMA error code in any status is a failure of its kind ({@code duplicateRequest} as
     * {@link #DUPLICATE}; a 5xx with an unlisted code may have booked: unknown); without one, 401/403 and 503 did not book,
     * another 5xx is unknown, and any other non-2xx is refused: a 404 without a GSMA error body is a path the provider does
     * not serve, never "not found".
     */
    Outcome<JsonNode> interpret(String call, JsonResponse response) {
        JsonNode body = response.body();
        String code = body.path("errorCode").asText("");
        int status = response.status();
        if (!code.isBlank()) {
            String description = body.path("errorDescription").asText(body.path("errordescription").asText(""));
            String message = "mobile money refused " + call + " (" + status + ", " + body.path("errorCategory").asText("") + "): "
                    + description;
            if (DUPLICATE.equals(code)) {
                return Outcome.failed(FailureKind.REJECTED, DUPLICATE + ": " + message);
            }
            if (status >= 500 && settings.errors().lookup(code).isEmpty()) {
                return Outcome.failed(status == 503 ? FailureKind.UNAVAILABLE : FailureKind.TIMEOUT, message + " (vendor code " + code
                        + "): the outcome is unknown");
            }
            if ("serviceUnavailable".equals(body.path("errorCategory").asText()) && settings.errors().lookup(code).isEmpty()) {
                return Outcome.failed(FailureKind.UNAVAILABLE, message + " (vendor code " + code + ")");
            }
            return settings.errors().failed(code, message);
        }
        if (status == 401 || status == 403) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "mobile money refused the credentials (cbs.secrets, auth.type) on " + call + ": "
                    + status);
        }
        if (status == 503) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "mobile money is unavailable (503) on " + call);
        }
        if (status >= 500) {
            return Outcome.failed(FailureKind.TIMEOUT, "mobile money answered " + status + " on " + call + ": the outcome is unknown");
        }
        if (!response.successful()) {
            return Outcome.failed(FailureKind.REJECTED, "mobile money answered " + status + " without a GSMA error on " + call
                    + " (is cbs.settings.baseUrl the API root with its base path?)");
        }
        return Outcome.done(body);
    }

    /** Whether a failure is the provider's {@code duplicateRequest}. */
    static boolean duplicate(Outcome<?> outcome) {
        return outcome instanceof Outcome.Failed<?> failed && failed.message().startsWith(DUPLICATE + ":");
    }

    private URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    @Override
    public void close() {
        http.close();
    }
}
