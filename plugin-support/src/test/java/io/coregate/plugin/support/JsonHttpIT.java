package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.support.http.HttpFailure;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.http.JsonResponse;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonHttpIT {

    private static final Duration SHORT = Duration.ofMillis(400);

    private final LocalServer server = LocalServer.start();
    private final JsonHttp http = JsonHttp.create(new JsonHttp.Options(Duration.ofSeconds(1), 4096, 3, Duration.ofMillis(10)),
            new SupportLog(JsonHttp.class, Redactor.headersOnly()), Optional.empty());

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void postSendsJsonAndReadsTheAnswer() {
        server.on("/accounts", exchange -> LocalServer.json(exchange, 201, "{\"reference\":\"FT123\",\"amount\":\"10.50\"}"));

        JsonResponse response = http.send(JsonRequest.post(server.uri("/accounts"), Map.of("amount", "10.50"), SHORT));

        assertEquals(201, response.status());
        assertEquals("FT123", response.text("reference"));
        assertEquals("{\"amount\":\"10.50\"}", server.seen().getFirst().body());
    }

    @Test
    void getIsRetriedOn503UntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/party", exchange -> LocalServer.json(exchange, calls.incrementAndGet() < 3 ? 503 : 200, "{\"name\":\"Ann\"}"));

        JsonResponse response = http.send(JsonRequest.get(server.uri("/party"), SHORT));

        assertEquals(200, response.status());
        assertEquals(3, server.count("/party"));
    }

    @Test
    void getStopsAfterMaxAttemptsAndAnswersTheLastStatus() {
        server.on("/party", exchange -> LocalServer.json(exchange, 503, ""));

        assertEquals(503, http.send(JsonRequest.get(server.uri("/party"), SHORT)).status());
        assertEquals(3, server.count("/party"));
    }

    @Test
    void postWithoutIdempotencyKeyIsSentOnceOn503() {
        server.on("/debit", exchange -> LocalServer.json(exchange, 503, "{\"error\":\"busy\"}"));

        JsonResponse response = http.send(JsonRequest.post(server.uri("/debit"), Map.of("amount", "1"), SHORT));

        assertEquals(503, response.status());
        assertEquals(1, server.count("/debit"));
    }

    @Test
    void postWithoutIdempotencyKeyIsSentOnceOnTimeout() {
        server.on("/debit", exchange -> LocalServer.sleep(3000));

        HttpFailure failure = assertThrows(HttpFailure.class,
                () -> http.send(JsonRequest.post(server.uri("/debit"), Map.of("amount", "1"), SHORT)));

        assertEquals(HttpFailure.Reason.TIMED_OUT, failure.reason());
        assertEquals(FailureKind.TIMEOUT, failure.kind());
        LocalServer.sleep(300);
        assertEquals(1, server.count("/debit"));
    }

    @Test
    void postMarkedIdempotentIsRetriedAfterATimeoutWithTheSameKey() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/debit", exchange -> {
            if (calls.incrementAndGet() == 1) {
                LocalServer.sleep(3000);
            } else {
                LocalServer.json(exchange, 200, "{\"reference\":\"FT9\"}");
            }
        });

        JsonResponse response = http.send(JsonRequest.post(server.uri("/debit"), Map.of("amount", "1"), SHORT)
                .idempotent("Idempotency-Key", "t1-debit"));

        assertEquals(200, response.status());
        assertEquals(2, server.count("/debit"));
        assertTrue(server.seen().stream().allMatch(s -> "t1-debit".equals(s.idempotencyKey())));
    }

    @Test
    void aBodyThatStallsMidwayFailsAtTheDeadlineInsteadOfHanging() {
        server.on("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            LocalServer.sleep(5000);
        });
        long started = System.nanoTime();

        HttpFailure failure = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.post(server.uri("/slow"), Map.of(), SHORT)));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(HttpFailure.Reason.TIMED_OUT, failure.reason());
        assertTrue(millis < 2000, "failed after " + millis + " ms");
    }

    @Test
    void aBodyLongerThanTheLimitIsRefusedWithOrWithoutContentLength() {
        String big = "{\"pad\":\"" + "x".repeat(10_000) + "\"}";
        server.on("/sized", exchange -> LocalServer.json(exchange, 200, big));
        server.on("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(big.getBytes(StandardCharsets.UTF_8));
        });

        for (String path : new String[] {"/sized", "/chunked"}) {
            HttpFailure failure = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.post(server.uri(path), Map.of(), SHORT)));
            assertEquals(HttpFailure.Reason.RESPONSE_TOO_LARGE, failure.reason(), path);
            assertEquals(FailureKind.TIMEOUT, failure.kind(), path);
        }
    }

    @Test
    void numbersLongerThan64DigitsAndNestingDeeperThan64AreMalformed() {
        server.on("/long", exchange -> LocalServer.json(exchange, 200, "{\"amount\":1" + "0".repeat(64) + "}"));
        server.on("/deep", exchange -> LocalServer.json(exchange, 200, "[".repeat(65) + "]".repeat(65)));
        server.on("/fine", exchange -> LocalServer.json(exchange, 200, "{\"amount\":1" + "0".repeat(63) + ",\"n\":"
                + "[".repeat(63) + "]".repeat(63) + "}"));

        for (String path : new String[] {"/long", "/deep"}) {
            HttpFailure failure = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.post(server.uri(path), Map.of(), SHORT)));
            assertEquals(HttpFailure.Reason.MALFORMED_RESPONSE, failure.reason(), path);
        }
        assertEquals(64, http.send(JsonRequest.post(server.uri("/fine"), Map.of(), SHORT)).body().path("amount").asText().length());
    }

    @Test
    void aSuccessWithABodyThatIsNotJsonIsMalformedButAnErrorStatusKeepsItsStatus() {
        server.on("/html", exchange -> html(exchange, 200));
        server.on("/proxy", exchange -> html(exchange, 502));

        HttpFailure failure = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.post(server.uri("/html"), Map.of(), SHORT)));
        assertEquals(HttpFailure.Reason.MALFORMED_RESPONSE, failure.reason());
        JsonResponse proxy = http.send(JsonRequest.post(server.uri("/proxy"), Map.of(), SHORT));
        assertEquals(502, proxy.status());
        assertTrue(proxy.body().isMissingNode());
    }

    @Test
    void aRefusedConnectionIsUnavailableNamingTheCall() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/x");

        HttpFailure get = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.get(closed, SHORT)));
        HttpFailure post = assertThrows(HttpFailure.class, () -> http.send(JsonRequest.post(closed, Map.of(), SHORT)));

        assertEquals(HttpFailure.Reason.CONNECT_FAILED, get.reason());
        assertEquals(FailureKind.UNAVAILABLE, post.kind());
        assertTrue(get.getMessage().startsWith("GET " + closed + " could not connect"), get.getMessage());
    }

    private static void html(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        byte[] bytes = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
