package io.coregate.gateway.payer;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's debit whose answer is late, missing or sent by callback (issue 10): the accept answers
 * {@code 202 DEBIT_PENDING}, the channel follows the transfer, and the settling job finishes it exactly once — accepted
 * with the Connector when the debit books, aborted with nothing given back when it fails, never refunded blind after a
 * timeout, nor left behind when its debit became known while the transfer was still leased. The sandbox bank answers
 * pending and settles by callback or only through status, or books then loses its answer.
 */
class PendingDebitIT {

    private static OutboundSimulator simulator;
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        simulator = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        simulator.close();
    }

    private static Payers tenant(String name, Map<String, Object> extra) {
        var settings = new java.util.LinkedHashMap<String, Object>(Map.of("accounts", Tenants.standardAccounts()));
        settings.putAll(extra);
        return Payers.tenant(gateway, name, simulator, "100000", settings);
    }

    private static Map<String, Object> async(String via, String outcome) {
        return Map.of("async", Map.of("operations", List.of("debit", "holdDebit"), "settleAfterMillis", 400, "via", via,
            "outcome", outcome));
    }

    @Test
    void aPendingDebitSettledByCallbackIsAcceptedOnceAndCompletes() {
        var bank = tenant("cb-bank", async("callback", "COMPLETED"));
        String state = sendAndFollow(bank, "COMMITTED", new BigDecimal("20.20"));
        assertEquals("COMMITTED", state);
        var callbacks = gateway.admin().get("/admin/tenants/cb-bank/callbacks?limit=10");
        assertTrue(callbacks.body().contains("COMPLETED"), "the bank called back: " + callbacks.body());
    }

    @Test
    void aPendingDebitSettledOnlyByPollingCompletes() {
        var bank = tenant("poll-bank", async("polling", "COMPLETED"));
        assertEquals("COMMITTED", sendAndFollow(bank, "COMMITTED", new BigDecimal("20.20")));
        var callbacks = gateway.admin().get("/admin/tenants/poll-bank/callbacks?limit=10");
        assertEquals(200, callbacks.status(), callbacks.body());
        assertTrue(!callbacks.body().contains("COMPLETED"), "no callback came: " + callbacks.body());
    }

    @Test
    void aPendingDebitThatFailsAbortsWithTheLedgerVoidedAndNothingGivenBack() {
        var bank = tenant("fail-pend-bank", async("callback", "FAILED"));
        var before = bank.snapshot();
        String transferId = sendPending(bank);
        String state = Poll.last(Duration.ofSeconds(15), () -> status(bank, transferId), PendingDebitIT::settled);
        assertEquals("ABORTED", state);
        assertTrue(before.same(bank.snapshot()), "customer and ledger as before: " + before + " / " + bank.snapshot());
        var legs = legs(bank, transferId);
        assertEquals(1, legs.size(), "only the debit leg, no give-back: " + legs);
        assertEquals("FAILED", legs.getFirst().get("state"));
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void aDebitThatBookedButLostItsAnswerIsResolvedByStatusNeverRefundedBlind() {
        var bank = tenant("lost-bank", Map.of("faults", List.of(Map.of("operation", "holdDebit", "kind", "LOST_RESPONSE", "times", 1),
            Map.of("operation", "debit", "kind", "LOST_RESPONSE", "times", 1))));
        var before = bank.snapshot();
        String home = Payers.home();
        var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "20"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var accepted = bank.accept(transferId, home, true);
        // The lost answer is resolved by the CBS's status at once: the booking is found, the accept goes ahead.
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("COMPLETED", accepted.field("currentState"), accepted.body());
        var after = bank.snapshot();
        assertEquals(0, before.customer().subtract(new BigDecimal("20.20")).compareTo(after.customer()), "debited exactly once");
        var legs = legs(bank, transferId);
        assertTrue(legs.stream().noneMatch(l -> "REFUND".equals(l.get("leg")) || "RELEASE_HOLD".equals(l.get("leg"))),
            "nothing given back: " + legs);
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void aDebitPendingPastItsQuoteIsGivenBackWhenItBooks() throws Exception {
        var bank = tenant("late-bank", Map.of("async", Map.of("operations", List.of("debit", "holdDebit"), "settleAfterMillis", 2_500,
            "via", "polling")));
        var before = bank.snapshot();
        String transferId = sendPending(bank);
        // The quote expires while the customer's debit is still pending at the bank.
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("UPDATE transfers SET expires_at = now() - interval '1 second' "
                 + "WHERE tenant_id = 'late-bank' AND mojaloop_transfer_id = ?")) {
            statement.setString(1, transferId);
            assertEquals(1, statement.executeUpdate());
        }
        String state = Poll.last(Duration.ofSeconds(20), () -> status(bank, transferId), PendingDebitIT::settled);
        assertEquals("ABORTED", state);
        assertTrue(before.same(bank.snapshot()), "the late debit was given back: " + before + " / " + bank.snapshot());
        var legs = legs(bank, transferId);
        assertEquals(List.of("BOOKED", "BOOKED"), legs.stream().map(l -> l.get("state")).toList(), "taken, then given back: " + legs);
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void aDebitKnownWhileTheTransferIsStillLeasedIsMovedOnOnceTheLeaseRunsOut() throws Exception {
        var bank = tenant("held-bank", async("polling", "COMPLETED"));
        var before = bank.snapshot();
        String transferId = sendPending(bank);
        // As after a gateway died during the debit: its lease on the transfer outlives the debit's settling.
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("UPDATE transfers SET lease_until = clock_timestamp() + interval '4 seconds' "
                 + "WHERE tenant_id = 'held-bank' AND mojaloop_transfer_id = ?")) {
            statement.setString(1, transferId);
            assertEquals(1, statement.executeUpdate());
        }
        var booked = Poll.last(Duration.ofSeconds(4), () -> legs(bank, transferId), l -> "BOOKED".equals(l.getFirst().get("state")));
        assertEquals("BOOKED", booked.getFirst().get("state"), "the job found the debit booked: " + booked);
        assertEquals("DEBIT_PENDING", status(bank, transferId), "but could not move the leased transfer");
        assertEquals("COMMITTED", Poll.last(Duration.ofSeconds(15), () -> status(bank, transferId), PendingDebitIT::settled));
        assertEquals(0, before.customer().subtract(new BigDecimal("20.20")).compareTo(bank.snapshot().customer()), "debited once");
        var legs = legs(bank, transferId);
        assertTrue(legs.stream().noneMatch(l -> "REFUND".equals(l.get("leg")) || "RELEASE_HOLD".equals(l.get("leg"))),
            "nothing given back: " + legs);
        assertTrue(bank.ledgerConsistent());
    }

    @Test
    void theChannelWebhookHearsHowAPendingSendEndedSignedWithTheTenantsKey() throws Exception {
        var received = new java.util.concurrent.LinkedBlockingQueue<Map.Entry<String, String>>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            received.add(Map.entry(String.valueOf(exchange.getRequestHeaders().getFirst("X-CoreGate-Signature")), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            var settings = new java.util.LinkedHashMap<String, Object>(Map.of("accounts", Tenants.standardAccounts()));
            settings.putAll(async("callback", "COMPLETED"));
            var doc = Payers.document("hook-bank", simulator.url(), "100000", settings);
            doc.put("sdk", Map.of("outboundUrl", simulator.url() + "/", "channelWebhook",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks"));
            assertEquals(201, gateway.admin().put("/admin/tenants/hook-bank", doc).status());
            var key = gateway.admin().post("/admin/tenants/hook-bank/api-keys", Map.of());
            var bank = Payers.of(gateway, "hook-bank", key.field("apiKey"));
            String secret = gateway.admin().get("/admin/tenants/hook-bank").field("channelWebhookSecret");
            assertTrue(secret != null && secret.length() >= 32, "the admin view shows the webhook key");

            String transferId = sendPending(bank);
            var hook = received.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(hook != null, "the webhook was called");
            assertTrue(hook.getValue().contains("\"transferId\":\"" + transferId + "\"") && hook.getValue().contains("\"COMMITTED\""),
                hook.getValue());
            String[] parts = hook.getKey().split(",");
            String seconds = parts[0].substring("t=".length());
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.HexFormat.of().formatHex(mac.doFinal((seconds + "." + hook.getValue())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("v1=" + expected, parts[1], "signed with the tenant's key over the timestamp and the body");
        } finally {
            server.stop(0);
        }
    }

    private static String sendPending(Payers bank) {
        String home = Payers.home();
        var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "20"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var accepted = bank.accept(transferId, home, true);
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("DEBIT_PENDING", accepted.field("currentState"), accepted.body());
        var again = bank.accept(transferId, home, true);
        assertEquals(202, again.status(), "a repeat while pending: " + again.body());
        assertEquals("DEBIT_PENDING", status(bank, transferId));
        return transferId;
    }

    private static String sendAndFollow(Payers bank, String expected, BigDecimal debited) {
        var before = bank.snapshot();
        String transferId = sendPending(bank);
        String state = Poll.last(Duration.ofSeconds(15), () -> status(bank, transferId), PendingDebitIT::settled);
        if (expected.equals(state)) {
            var after = bank.snapshot();
            assertEquals(0, before.customer().subtract(debited).compareTo(after.customer()), "debited exactly once");
            assertEquals(0, before.position().add(new BigDecimal("20")).compareTo(after.position()), "the position moved once");
            assertTrue(bank.ledgerConsistent());
        }
        return state;
    }

    /** A state the transfer stays in without the gateway doing more (DEBIT_PENDING and DEBITED are on the way). */
    private static boolean settled(String state) {
        return !"DEBIT_PENDING".equals(state) && !"DEBITED".equals(state);
    }

    private static String status(Payers bank, String transferId) {
        var found = bank.dfsp().get("/" + bank.tenant() + "/transfers/" + transferId);
        assertEquals(200, found.status(), found.body());
        return found.field("transferState");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> legs(Payers bank, String transferId) {
        var detail = gateway.admin().get("/admin/tenants/" + bank.tenant() + "/transfers/" + transferId + "?direction=OUTBOUND");
        assertEquals(200, detail.status(), detail.body());
        return (List<Map<String, Object>>) detail.json().get("legs");
    }
}
