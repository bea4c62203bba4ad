package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.support.http.JsonHttp;
import io.coregate.plugin.support.http.JsonRequest;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import io.coregate.plugin.support.oauth.ClientCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final LocalServer server = LocalServer.start();
    private final JsonHttp http = JsonHttp.create(JsonHttp.Options.defaults(), new SupportLog(JsonHttp.class, Redactor.headersOnly()),
            Optional.empty());
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> clientSecret = new AtomicReference<>("secret-1");
    private volatile long tokenDelayMillis;

    private final ClientCredentials credentials = new ClientCredentials(http,
            new ClientCredentials.Config(server.uri("/token"), "client-a", Optional.of("payments"), Duration.ofSeconds(10), TIMEOUT),
            clientSecret::get, clock);

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    ClientCredentialsIT() {
        server.on("/token", this::token);
        server.on("/api", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean ok = auth != null && valid.contains(auth.substring("Bearer ".length()));
            LocalServer.json(exchange, ok ? 200 : 401, ok ? "{\"ok\":true}" : "{\"error\":\"invalid_token\"}");
        });
    }

    private void token(HttpExchange exchange) throws IOException {
        LocalServer.sleep(tokenDelayMillis);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("client-a:" + clientSecret.get()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LocalServer.json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "tok-" + issued.incrementAndGet();
        valid.add(token);
        LocalServer.json(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":60}");
    }

    @Test
    void theTokenRequestIsAClientCredentialsGrantWithBasicAuth() {
        assertEquals("tok-1", credentials.token());

        LocalServer.Seen seen = server.seen().getFirst();
        assertEquals("POST", seen.method());
        assertEquals("grant_type=client_credentials&scope=payments", seen.body());
    }

    @Test
    void theTokenIsCachedUntilTheSkewBeforeExpiryThenRefreshed() {
        assertEquals("tok-1", credentials.token());
        clock.advance(Duration.ofSeconds(49));
        assertEquals("tok-1", credentials.token());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("tok-2", credentials.token());
        assertEquals(2, server.count("/token"));
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        tokenDelayMillis = 300;
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                tokens.add(pool.submit(() -> {
                    start.await();
                    return credentials.token();
                }));
            }
            start.countDown();
            for (Future<String> token : tokens) {
                assertEquals("tok-1", token.get());
            }
        }
        assertEquals(1, server.count("/token"));
    }

    @Test
    void a401IsRetriedOnceWithAFreshToken() {
        credentials.token();
        valid.clear();

        var response = credentials.send(JsonRequest.post(server.uri("/api"), Map.of("amount", "1"), TIMEOUT));

        assertEquals(200, response.status());
        assertEquals(2, server.count("/token"));
        assertEquals(List.of("Bearer tok-1", "Bearer tok-2"), server.seen().stream()
                .filter(s -> s.path().equals("/api")).map(LocalServer.Seen::authorization).toList());
    }

    @Test
    void aSecond401IsAnsweredNotRetriedAgain() {
        server.on("/refusing", exchange -> LocalServer.json(exchange, 401, "{}"));

        assertEquals(401, credentials.send(JsonRequest.get(server.uri("/refusing"), TIMEOUT)).status());
        assertEquals(2, server.count("/refusing"));
    }

    @Test
    void aRefusedClientIsUnavailableWithoutTheSecretInTheMessage() {
        clientSecret.set("rotated-but-server-does-not-know");
        ClientCredentials wrong = new ClientCredentials(http,
                new ClientCredentials.Config(server.uri("/token"), "client-b", Optional.empty(), Duration.ZERO, TIMEOUT),
                () -> "wrong-secret", clock);

        CbsException e = assertThrows(CbsException.class, wrong::token);

        assertEquals(FailureKind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("invalid_client"), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong-secret"), e.getMessage());
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
