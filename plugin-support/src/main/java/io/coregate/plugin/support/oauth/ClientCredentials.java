package io.coregate.plugin.support.oauth;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.http.JsonResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An OAuth2 client-credentials token source and the calls that use it. Thread-safe.
 *
 * <p>The token is cached until {@code refreshSkew} before it expires; then the first caller fetches a new one while
 * concurrent callers wait for that same fetch (one token request, however many callers). The client authenticates with
 * HTTP Basic ({@code client_secret_basic}); the secret is read from its supplier on each fetch, so a rotated secret is
 * used at the next refresh. {@link #send} adds {@code Authorization: Bearer} and, on a 401, drops the token and sends
 * once more with a fresh one (a 401 means the call was refused, not executed, so repeating it is safe even for a
 * non-idempotent call).
 */
public final class ClientCredentials {

    /**
     * Where and how to ask for tokens.
     *
     * @param tokenUri     the token endpoint
     * @param clientId     the client id
     * @param scope        the scope to ask for, if the server needs one
     * @param refreshSkew  how long before expiry a token counts as expired
     * @param timeout      the deadline of a token request
     */
    public record Config(URI tokenUri, String clientId, Optional<String> scope, Duration refreshSkew, Duration timeout) {
        public Config {
            Objects.requireNonNull(tokenUri, "tokenUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(refreshSkew, "refreshSkew");
            Objects.requireNonNull(timeout, "timeout");
            if (refreshSkew.isNegative()) {
                throw new IllegalArgumentException("refreshSkew must not be negative");
            }
        }
    }

    /** A token and when it stops being used. */
    private record Token(String value, Instant refreshAt) {
    }

    /** Used when the token response has no {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final JsonHttp http;
    private final Config config;
    private final Supplier<String> clientSecret;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;

    public ClientCredentials(JsonHttp http, Config config, Supplier<String> clientSecret, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A valid access token: the cached one, or a new one.
     *
     * @throws CbsException {@link FailureKind#UNAVAILABLE} when the token endpoint refuses or answers no token
     */
    public String token() {
        Token token = current;
        if (usable(token)) {
            return token.value();
        }
        refreshing.lock();
        try {
            token = current;
            if (!usable(token)) {
                token = fetch();
                current = token;
            }
            return token.value();
        } finally {
            refreshing.unlock();
        }
    }

    /** Sends the request with the token; on 401 once more with a fresh token. */
    public JsonResponse send(JsonRequest request) {
        String token = token();
        JsonResponse response = http.send(request.header("Authorization", "Bearer " + token));
        if (response.status() != 401) {
            return response;
        }
        invalidate(token);
        return http.send(request.header("Authorization", "Bearer " + token()));
    }

    /** Drops this token if it is still the cached one (another caller may already have replaced it). */
    public void invalidate(String token) {
        refreshing.lock();
        try {
            Token cached = current;
            if (cached != null && cached.value().equals(token)) {
                current = null;
            }
        } finally {
            refreshing.unlock();
        }
    }

    private boolean usable(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private Token fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        config.scope().ifPresent(scope -> form.put("scope", scope));
        String basic = Base64.getEncoder().encodeToString((config.clientId() + ":" + clientSecret.get()).getBytes(StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        JsonResponse response = http.send(JsonRequest.postForm(config.tokenUri(), form, config.timeout())
                .header("Authorization", "Basic " + basic));
        String value = response.text("access_token");
        if (!response.successful() || value.isBlank()) {
            throw new CbsException(FailureKind.UNAVAILABLE, "the token endpoint " + config.tokenUri() + " answered "
                    + response.status() + (value.isBlank() ? " without an access_token" : "")
                    + (response.text("error").isEmpty() ? "" : " (" + response.text("error") + ")"));
        }
        long seconds = response.body().path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        return new Token(value, asked.plusSeconds(seconds).minus(config.refreshSkew()));
    }
}
