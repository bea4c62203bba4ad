package io.coregate.plugin.support.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.coregate.plugin.support.log.SupportLog;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * JSON over one JDK {@link HttpClient}, created with the adapter and {@link #close closed} with it. Thread-safe.
 *
 * <p>Each call has its own deadline ({@link JsonRequest#timeout()}) covering the status, the headers and the whole
 * body, so a server that stalls mid-body cannot hang the caller. The body is read up to
 * {@link Options#maxResponseBytes()} and parsed with {@link #boundedMapper() bounded constraints} (numbers of at most
 * 64 digits, nesting of at most 64 levels). Idempotent requests ({@link JsonRequest#retryable()}) are tried up to
 * {@link Options#maxAttempts()} times on connection failures, timeouts and 502/503/504; any other request exactly once.
 */
public final class JsonHttp implements AutoCloseable {

    /** The most digits a JSON number may have. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The deepest nesting of JSON objects and arrays. */
    public static final int MAX_DEPTH = 64;

    private static final Set<Integer> RETRY_STATUSES = Set.of(502, 503, 504);

    /**
     * How the client behaves.
     *
     * @param connectTimeout   the TCP and TLS connect deadline
     * @param maxResponseBytes the longest body read; longer is {@link HttpFailure.Reason#RESPONSE_TOO_LARGE}
     * @param maxAttempts      tries of an idempotent request (1 = never retry)
     * @param retryBackoff     the pause before the second try; doubled before each further try
     */
    public record Options(Duration connectTimeout, int maxResponseBytes, int maxAttempts, Duration retryBackoff) {
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            if (maxResponseBytes < 1 || maxAttempts < 1 || retryBackoff.isNegative() || connectTimeout.isNegative()
                    || connectTimeout.isZero()) {
                throw new IllegalArgumentException("invalid options " + connectTimeout + ", " + maxResponseBytes + " bytes, "
                        + maxAttempts + " attempts, backoff " + retryBackoff);
            }
        }

        /** 2 s to connect, 1 MiB bodies, 3 attempts of idempotent calls, 100 ms backoff. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), 1 << 20, 3, Duration.ofMillis(100));
        }
    }

    private final HttpClient client;
    private final ObjectMapper mapper = boundedMapper();
    private final Options options;
    private final SupportLog log;

    private JsonHttp(HttpClient client, Options options, SupportLog log) {
        this.client = client;
        this.options = options;
        this.log = log;
    }

    /**
     * A client; {@code tls} from {@link io.coregate.plugin.support.tls.PemTls} for mTLS or a private CA, else the
     * JDK's default trust.
     */
    public static JsonHttp create(Options options, SupportLog log, Optional<SSLContext> tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(builder::sslContext);
        return new JsonHttp(builder.build(), options, log);
    }

    /** A Jackson mapper with this library's parsing limits, for bodies the adapter builds or reads itself. */
    public static ObjectMapper boundedMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
        return new ObjectMapper(factory);
    }

    /** The mapper used for request and response bodies. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends the request (again, for an idempotent one, after a retryable failure) and reads the answer.
     *
     * @return the answer of any status; a 2xx has a JSON (or empty) body
     * @throws HttpFailure when no usable answer came; its kind says whether the request may have taken effect
     */
    public JsonResponse send(JsonRequest request) {
        int attempts = request.retryable() ? options.maxAttempts() : 1;
        Duration pause = options.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                JsonResponse response = once(request);
                if (attempt < attempts && RETRY_STATUSES.contains(response.status())) {
                    log.log(Level.WARNING, describe(request) + " answered " + response.status() + "; try " + (attempt + 1)
                            + " of " + attempts);
                } else {
                    return response;
                }
            } catch (HttpFailure failure) {
                if (attempt >= attempts || !failure.reason().retryable()) {
                    log.log(Level.WARNING, failure.getMessage());
                    throw failure;
                }
                log.log(Level.WARNING, failure.getMessage() + "; try " + (attempt + 1) + " of " + attempts);
            }
            pause(request, pause);
            pause = pause.multipliedBy(2);
        }
    }

    private JsonResponse once(JsonRequest request) {
        HttpRequest httpRequest = toHttp(request);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest,
                info -> new BoundedBody(options.maxResponseBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        HttpResponse<byte[]> response;
        try {
            response = future.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpFailure(HttpFailure.Reason.TIMED_OUT, describe(request) + " did not answer within "
                    + request.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Reason.INTERRUPTED, describe(request) + " was interrupted", e);
        } catch (ExecutionException e) {
            throw classify(request, e.getCause());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (log.enabled(Level.DEBUG)) {
            log.log(Level.DEBUG, describe(request) + " headers " + headerLine(request) + " -> " + response.statusCode()
                    + " in " + millis + " ms");
        }
        return new JsonResponse(response.statusCode(), parse(request, response.statusCode(), response.body()));
    }

    private JsonNode parse(JsonRequest request, int status, byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            if (status >= 200 && status < 300) {
                throw new HttpFailure(HttpFailure.Reason.MALFORMED_RESPONSE, describe(request) + " answered " + status
                        + " with a body that is not acceptable JSON: " + e.getOriginalMessage());
            }
            return MissingNode.getInstance();
        } catch (IOException e) {
            throw new HttpFailure(HttpFailure.Reason.MALFORMED_RESPONSE, describe(request) + " body unreadable", e);
        }
    }

    private HttpFailure classify(JsonRequest request, Throwable cause) {
        String what = describe(request);
        if (hasCause(cause, BoundedBody.TooLarge.class)) {
            return new HttpFailure(HttpFailure.Reason.RESPONSE_TOO_LARGE, what + ": the response body exceeds "
                    + options.maxResponseBytes() + " bytes");
        }
        if (hasCause(cause, HttpConnectTimeoutException.class) || hasCause(cause, ConnectException.class)
                || hasCause(cause, UnknownHostException.class) || hasCause(cause, UnresolvedAddressException.class)
                || hasCause(cause, SSLException.class)) {
            return new HttpFailure(HttpFailure.Reason.CONNECT_FAILED, what + " could not connect: " + cause.getClass().getSimpleName(),
                    cause);
        }
        if (hasCause(cause, HttpTimeoutException.class)) {
            return new HttpFailure(HttpFailure.Reason.TIMED_OUT, what + " did not answer within " + request.timeout().toMillis()
                    + " ms", cause);
        }
        return new HttpFailure(HttpFailure.Reason.BROKEN, what + " failed after sending: " + cause.getClass().getSimpleName(), cause);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest toHttp(JsonRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .header("Accept", "application/json");
        switch (request.body()) {
            case JsonRequest.Body.None none -> builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            case JsonRequest.Body.Json json -> builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(serialize(json.value())));
            case JsonRequest.Body.Form form -> builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(formEncode(form), StandardCharsets.UTF_8));
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private byte[] serialize(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String formEncode(JsonRequest.Body.Form form) {
        return form.fields().entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String describe(JsonRequest request) {
        return request.method() + " " + request.uri();
    }

    private static String headerLine(JsonRequest request) {
        return request.headers().entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getKey().toLowerCase(Locale.ROOT).contains("authorization") ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static void pause(JsonRequest request, Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Reason.INTERRUPTED, describe(request) + " was interrupted between tries", e);
        }
    }

    /** Closes the underlying client (in-flight calls are abandoned). */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
