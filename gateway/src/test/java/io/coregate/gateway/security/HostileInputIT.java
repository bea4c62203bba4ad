package io.coregate.gateway.security;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers that are cheap to send and expensive to hold ({@code 1e100000000} is 11 bytes), 10,000-digit numbers and
 * deep nesting, posted inside otherwise valid bodies to a route of each listener: each is refused at parse time with
 * 400 / 3101 naming the JSON pointer of the offending value, in milliseconds, with the heap unchanged.
 */
class HostileInputIT {

    private static final System.Logger LOG = System.getLogger(HostileInputIT.class.getName());
    private static final long MAX_MILLIS = 1_000;
    private static TestGateway gateway;
    private static Http dfsp;

    /** A hostile member and the pointer the answer must name. */
    private record Hostile(String member, String pointer) {
    }

    private static final List<Hostile> HOSTILE = List.of(
        new Hostile("\"x\":1e100000000", "/x"),
        new Hostile("\"x\":1e200000000", "/x"),
        new Hostile("\"x\":-2.5E-999999999", "/x"),
        new Hostile("\"x\":1e101", "/x"),
        new Hostile("\"x\":{\"y\":[0,1e0000000000000000000000000000400000000]}", "/x/y/1"),
        new Hostile("\"x\":" + "9".repeat(10_000), "/x"),
        new Hostile("\"x\":0." + "1".repeat(10_000), "/x"),
        new Hostile("\"x\":" + "[".repeat(500) + "]".repeat(500), "/x/0/0/0"),
        new Hostile("\"x\":{\"y\":\"a\\u0000b\"}", "/x/y"));

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        var key = gateway.admin().post("/admin/tenants/bank-a/api-keys", Map.of());
        dfsp = gateway.dfsp().with("X-API-Key", key.field("apiKey"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void quoteRequestsRefuseHostileNumbersNamingThePointer() {
        everyHostileInputIsRefused(gateway.sdk(), "POST", "/bank-a/quoterequests", json(Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10")));
    }

    @Test
    void transfersRefuseHostileNumbersNamingThePointer() {
        var quote = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        var answer = Map.<String, Object>of("quoteId", quote.get("quoteId"), "transactionId", quote.get("transactionId"),
            "transferAmount", "10", "transferAmountCurrency", "ZMW");
        everyHostileInputIsRefused(gateway.sdk(), "POST", "/bank-a/transfers", json(Payee.transfer(Payee.id(), quote, answer)));
    }

    @Test
    void sendMoneyRefusesHostileNumbersNamingThePointer() {
        everyHostileInputIsRefused(dfsp, "POST", "/bank-a/send-money", json(Payers.sendMoney(Payers.home(), "260971000002", "10")));
    }

    @Test
    void tenantDocumentsRefuseHostileNumbersNamingThePointer() {
        everyHostileInputIsRefused(gateway.admin(), "PUT", "/admin/tenants/bank-b", json(Tenants.standard("bankB")));
        assertEquals(404, gateway.admin().get("/admin/tenants/bank-b").status(), "a refused document must not create the tenant");
    }

    @Test
    void exponentsWithinTheBoundAreStillRead() {
        for (String number : List.of("1e100", "-1E-100", "1.5e+99", "0e0", "12345678901234567890")) {
            var body = json(Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"));
            var response = gateway.sdk().send("POST", "/bank-a/quoterequests", "application/json", with(body, "\"x\":" + number));
            assertEquals(200, response.status(), number + ": " + response.body());
        }
    }

    @Test
    void databaseFailuresAnswer2001WithACorrelationIdAndNoDatabaseText() throws Exception {
        var logged = new java.util.concurrent.CopyOnWriteArrayList<LogRecord>();
        var capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.coregate.gateway.http.ErrorHandler");
        logger.addHandler(capture);
        try (Connection db = gateway.schema().connect(); var sql = db.createStatement()) {
            sql.execute("ALTER TABLE quotes ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
            try {
                var response = gateway.sdk().post("/bank-a/quoterequests", Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10"));
                assertEquals(500, response.status(), response.body());
                assertEquals("2001", response.field("statusCode"), response.body());
                var id = java.util.regex.Pattern.compile("correlation id ([0-9a-f-]{36})").matcher(response.field("message"));
                assertTrue(id.find(), "no correlation id: " + response.body());
                for (String leak : List.of("refuse_all", "constraint", "quotes", "ERROR", "SQL", "Exception", "at io.")) {
                    assertTrue(!response.body().contains(leak), "'" + leak + "' leaked into " + response.body());
                }
                var record = logged.stream().filter(r -> r.getMessage().contains(id.group(1))).findFirst();
                assertTrue(record.isPresent(), "the log has no entry for correlation id " + id.group(1));
                assertTrue(String.valueOf(record.get().getThrown()).contains("refuse_all"), "the log lacks the database detail");
            } finally {
                sql.execute("ALTER TABLE quotes DROP CONSTRAINT refuse_all");
            }
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static void everyHostileInputIsRefused(Http client, String method, String path, String body) {
        long heapBefore = usedHeapAfterGc();
        long slowest = 0;
        for (int round = 0; round < 5; round++) {
            for (Hostile hostile : HOSTILE) {
                long started = System.nanoTime();
                var response = client.send(method, path, "application/json", with(body, hostile.member()));
                long millis = (System.nanoTime() - started) / 1_000_000;
                slowest = Math.max(slowest, millis);
                String what = method + " " + path + " with " + abbreviated(hostile.member()) + ": " + response.body();
                assertEquals(400, response.status(), what);
                assertEquals("3101", response.field("statusCode"), what);
                assertTrue(response.field("message").contains(" at " + hostile.pointer()), "pointer " + hostile.pointer() + " not named: "
                    + what);
                assertTrue(millis < MAX_MILLIS, what + " took " + millis + " ms");
            }
        }
        long grown = usedHeapAfterGc() - heapBefore;
        LOG.log(System.Logger.Level.INFO, String.format("%s %s: %d hostile requests, slowest %d ms, heap after GC grew by %d KiB, RSS %d MiB",
            method, path, 5 * HOSTILE.size(), slowest, grown / 1024, rssKib() / 1024));
        assertTrue(grown < 32L * 1024 * 1024, "heap grew by " + grown / 1024 / 1024 + " MiB");
    }

    private static byte[] with(String body, String member) {
        return ("{" + member + "," + body.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long rssKib() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
