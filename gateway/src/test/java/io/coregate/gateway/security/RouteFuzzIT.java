package io.coregate.gateway.security;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Seeds;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the routes of the three listeners on one real gateway: mutated valid bodies (hostile values, wrong
 * types, unicode and control characters, truncation), hostile tenant names and ids in paths (traversal, encoded
 * separators), oversized headers, sent over a raw socket. Each answer must come within the timeout, be below 500 (but a
 * payee-side 5xxx FSPIOP error, which the backend spec answers with 500) and, when 4xx, a JSON body with a statusCode;
 * an input refused as invalid (3xxx) writes no row. {@code -Dfuzz.inputs=100000} runs the long sample;
 * {@code -Dcoregate.seed=...} replays a failing input.
 */
class RouteFuzzIT {

    private static final System.Logger LOG = System.getLogger(RouteFuzzIT.class.getName());
    private static final int TIMEOUT_MILLIS = 10_000;
    private static TestGateway gateway;
    private static OutboundSimulator simulator;
    private static String apiKey;
    private static String tenant;

    /** A route: its listener's port supplier index (0 sdk, 1 dfsp, 2 admin), method, path with {t} and {id}, valid body. */
    private record Route(int listener, String method, String path, String body) {
    }

    private static List<Route> routes;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("limits.read-timeout-millis", "5000"));
        simulator = OutboundSimulator.start();
        var payers = Payers.tenant(gateway, "bank-a", simulator, "100000");
        tenant = payers.tenant();
        apiKey = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of()).field("apiKey");
        var quote = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        var answer = Map.<String, Object>of("quoteId", quote.get("quoteId"), "transactionId", quote.get("transactionId"),
            "transferAmount", "10", "transferAmountCurrency", "ZMW");
        String tenantDoc = gateway.admin().get("/admin/tenants/bank-a").body();
        routes = List.of(
            new Route(0, "POST", "/{t}/quoterequests", json(quote)),
            new Route(0, "POST", "/{t}/transfers", json(Payee.transfer(Payee.id(), quote, answer))),
            new Route(0, "PUT", "/{t}/transfers/{id}", json(Payee.notification(Payee.id(), "COMPLETED"))),
            new Route(0, "GET", "/{t}/transfers/{id}", ""),
            new Route(0, "GET", "/{t}/parties/MSISDN/{id}", ""),
            new Route(0, "GET", "/{t}", ""),
            new Route(1, "POST", "/{t}/send-money", json(Payers.sendMoney(Payers.home(), Payers.MARY, "10"))),
            new Route(1, "PUT", "/{t}/send-money/{id}", json(Map.of("acceptQuote", true, "homeTransactionId", "home-1"))),
            new Route(1, "POST", "/{t}/merchant-payment", json(Payers.merchantPayment(Payers.home(), Payers.MARY, "10"))),
            new Route(1, "PUT", "/{t}/merchant-payment/{id}", json(Map.of("acceptQuote", false, "homeTransactionId", "home-1"))),
            new Route(1, "GET", "/{t}/transfers/{id}", ""),
            new Route(2, "PUT", "/admin/tenants/{t}", tenantDoc),
            new Route(2, "GET", "/admin/tenants/{t}", ""),
            new Route(2, "POST", "/admin/tenants/{t}/api-keys", "{}"),
            new Route(2, "GET", "/admin/tenants/{t}/transfers/{id}", ""),
            new Route(2, "PUT", "/admin/tenants/{t}/liquidity/{id}", "{\"limit\":\"100\",\"alarmPercent\":80}"),
            new Route(2, "POST", "/admin/tenants/{t}/liquidity/{id}/adjustments", "{\"amount\":\"10\",\"reason\":\"fuzz\"}"),
            new Route(2, "GET", "/admin/tenants/{t}/audit", ""));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        simulator.close();
    }

    @Test
    void everyRouteAnswersHostileInputWithA4xxJsonErrorInTime() throws Exception {
        int inputs = Integer.getInteger("fuzz.inputs", 300);
        long started = System.nanoTime();
        try (Connection db = gateway.schema().connect()) {
            Seeds.check(inputs, random -> oneInput(random, db));
        }
        LOG.log(System.Logger.Level.INFO, String.format("RouteFuzzIT: %d inputs in %d ms, no failure", inputs,
            (System.nanoTime() - started) / 1_000_000));
    }

    private static void oneInput(RandomGenerator random, Connection db) throws Exception {
        Route route = routes.get(random.nextInt(routes.size()));
        boolean hostilePath = random.nextInt(3) == 0;
        String path = route.path().replace("{t}", hostilePath && random.nextBoolean() ? hostileSegment(random) : tenant)
            .replace("{id}", hostilePath ? hostileSegment(random) : route.listener() == 2 && route.path().contains("liquidity") ? "ZMW"
                : Payee.id());
        String body = route.body().isEmpty() && random.nextBoolean() ? "" : mutated(random, route.body().isEmpty() ? "{}" : route.body());
        String extraHeader = random.nextInt(20) == 0 ? "X-Fuzz: " + "a".repeat(Seeds.between(random, 1_000, 40_000)) + "\r\n" : "";
        long rowsBefore = rows(db);
        int port = switch (route.listener()) {
            case 0 -> gateway.gateway().sdkPort();
            case 1 -> gateway.gateway().dfspPort();
            default -> gateway.gateway().adminPort();
        };
        String auth = switch (route.listener()) {
            case 1 -> "X-API-Key: " + apiKey + "\r\n";
            case 2 -> "Authorization: Bearer " + TestGateway.ADMIN_TOKEN + "\r\n";
            default -> "";
        };
        String what = route.method() + " " + shorten(path) + " body " + shorten(body);
        long begun = System.nanoTime();
        Answer answer = exchange(port, route.method(), path, auth + extraHeader, body.getBytes(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - begun) / 1_000_000;
        assertTrue(millis < TIMEOUT_MILLIS, what + " took " + millis + " ms");
        if (answer == null) {
            // A clean close, allowed only for protocol abuse (an oversized header or a path the HTTP parser refuses).
            return;
        }
        assertTrue(answer.status() < 500 || java.util.regex.Pattern.compile("\"statusCode\":\"5\\d{3}\"").matcher(answer.body()).find(),
            what + " answered " + answer.status() + ": " + answer.body());
        if (answer.status() >= 400) {
            var parsed = new Http.Response(answer.status(), answer.body(), Map.of());
            String code = parsed.field("statusCode");
            assertTrue(code != null && code.matches("\\d{4}"), what + " answered without a statusCode: " + answer.body());
            if (code.startsWith("3")) {
                assertEquals(rowsBefore, rows(db), what + " was refused (" + answer.body() + ") but wrote rows");
            }
        }
    }

    private static final String[] HOSTILE_VALUES = {
        "1e100000000", "-1", "-0.0001", "99999999999999999999999999999999999999999999999999999999999999", "1e101", "-1e-101",
        "0", "\"\"", "null", "true", "[]", "{}", "\"\\u0000\"", "\"\\u202e\\ud83d\\ude00\"", "\"\\ud800\"", "\"..\\/..\\/etc\\/passwd\"",
        "\"%2e%2e%2f\"", "\"\\r\\nX: y\"", "\"" + "x".repeat(5_000) + "\"", "12.345678901234567890", "\"NaN\"", "\"-Infinity\"",
        "\"10.\"", "\"1,5\"", "\"\u00e9\u4e2d\"", "[[[[[[[[[[]]]]]]]]]]"};

    private static final String[] HOSTILE_SEGMENTS = {
        "..", "%2e%2e", "..%2F..%2Fadmin", "%2F", "%5C", "a%00b", "bank-a%2Fsend-money", "%252e%252e", "%C0%AE%C0%AE", "%E2%80%AE",
        "bank-a;x=1", "bank-a%3F", "%20", "%FF%FE", "BANK-A", "x".repeat(300), "0", "-1", "%7B%7D"};

    private static String hostileSegment(RandomGenerator random) {
        return Seeds.oneOf(random, HOSTILE_SEGMENTS);
    }

    /** A valid body changed by one to three mutations: a value replaced, a member added, truncated, a byte flipped. */
    private static String mutated(RandomGenerator random, String valid) {
        String text = valid;
        int mutations = Seeds.between(random, 1, 3);
        for (int i = 0; i < mutations; i++) {
            text = switch (random.nextInt(5)) {
                case 0 -> replaceValue(random, text);
                case 1 -> text.startsWith("{") ? "{\"fuzz\":" + Seeds.oneOf(random, HOSTILE_VALUES) + "," + text.substring(1) : text;
                case 2 -> text.substring(0, random.nextInt(text.length() + 1));
                case 3 -> flip(random, text);
                default -> replaceValue(random, replaceValue(random, text));
            };
        }
        return text;
    }

    private static String replaceValue(RandomGenerator random, String text) {
        var values = java.util.regex.Pattern.compile(":\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[0-9.eE+-]++|true|false|null)").matcher(text);
        var starts = new java.util.ArrayList<int[]>();
        while (values.find()) {
            starts.add(new int[] {values.start(1), values.end(1)});
        }
        if (starts.isEmpty()) {
            return text;
        }
        int[] at = starts.get(random.nextInt(starts.size()));
        return text.substring(0, at[0]) + Seeds.oneOf(random, HOSTILE_VALUES) + text.substring(at[1]);
    }

    private static final String FLIPS = "\u0000\u0001\u001f\"\\{}[,:\u007f\u00e9\u202e";

    private static String flip(RandomGenerator random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        char replacement = FLIPS.charAt(random.nextInt(FLIPS.length()));
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static long rows(Connection db) throws Exception {
        try (var sql = db.createStatement(); var result = sql.executeQuery("SELECT (SELECT count(*) FROM quotes) + (SELECT count(*) FROM "
            + "transfers) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM tenants)")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** An answer read off a raw socket. */
    private record Answer(int status, String body) {
    }

    /** Sends one request on a fresh connection; null when the server closes it without an answer. */
    private static Answer exchange(int port, String method, String path, String headers, byte[] body) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + headers + "Content-Length: " + body.length + "\r\n\r\n";
            try {
                socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // Refused while writing (the server closed early); its answer, if any, is read below.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    if (head.size() == 0) {
                        return null;
                    }
                    throw new AssertionError("a partial answer: " + shorten(head.toString(StandardCharsets.ISO_8859_1)));
                }
                head.write(b);
            }
        } catch (java.net.SocketException e) {
            return null;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        var length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(headers);
        String body = length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (headers.contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(headers.substring(9, 12)), body);
    }

    private static String dechunk(String chunked) {
        var out = new ByteArrayOutputStream();
        String rest = chunked;
        while (true) {
            int line = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, line).strip(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.writeBytes(rest.substring(line + 2, line + 2 + size).getBytes(StandardCharsets.UTF_8));
            rest = rest.substring(line + 2 + size + 2);
        }
    }

    private static String json(Object body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
    }
}
