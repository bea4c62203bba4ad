package io.coregate.gateway;

import io.coregate.gateway.testing.GatewayProcess;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugins.examplebank.ExampleBankSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The money-legs guarantee across a crash (the "debit booked, gateway SIGKILLed before its write"): the real
 * gateway ({@code java -jar coregate.jar}) runs a payer tenant on the template plugin against the simulated examplebank
 * and the Connector simulator, both in this JVM so their state outlives the gateway; the bank books the customer's
 * debit and holds its answer, and the gateway is SIGKILLed right then, with the transfer DEBIT_PENDING and the debit
 * leg INTENDED. Restarted on the same database, the gateway resolves the leg by the bank's status, never posting it
 * again: the customer is debited exactly once, and the transfer either completes (its quote still stands) or, when
 * the quote expired meanwhile, is given back exactly once and ABORTED. Runs in the {@code integration-test} phase on
 * the packaged jar (the {@code coregate.jar} property names it), as {@code LauncherIT} does.
 */
class CrashRecoveryIT {

    private static final String TENANT = "crashbank";
    private static final Path TEMPLATE_JAR = Path.of("target", "test-plugins", "examplebank-1.0.0.jar");
    /**
     * The settling job every second, and short Connector waits and CBS lease: an accept holds its transfer for the
     * Connector's longest wait plus the lease plus three CBS timeouts (with the defaults 65 s + 15 s + 9 s, longer than
     * the simulator's one-minute quote), and the dead gateway's hold must run out before the quote does.
     */
    private static final Map<String, String> SETTINGS = Map.of("transfers.reconcile.interval-seconds", "1",
        "transfers.lease-millis", "2000", "sdk.client.transfer-timeout-millis", "5000", "sdk.client.accept-timeout-millis", "5000",
        "sdk.client.status-timeout-millis", "1000");
    private static final BigDecimal ALICE_OPENING = new BigDecimal(ExampleBankSimulator.ALICE.balance());

    private static Path jar;

    @BeforeAll
    static void builtJars() {
        String property = System.getProperty("coregate.jar");
        assumeTrue(property != null, "runs in the integration-test phase, against the packaged jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no built jar at " + jar);
        assertTrue(Files.isRegularFile(TEMPLATE_JAR), "run the reactor build first: " + TEMPLATE_JAR.toAbsolutePath() + " is missing");
    }

    @Test
    void aDebitBookedWhenTheGatewayIsKilledIsTakenOnceAndTheTransferCommitsAfterTheRestart(@TempDir Path work) throws IOException {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        try (Simulator bank = ExampleBankSimulator.start(); OutboundSimulator hub = OutboundSimulator.start()) {
            String transferId = killDuringTheDebit(work, schema, bank, hub);
            try (GatewayProcess restarted = GatewayProcess.start(jar, work, schema, SETTINGS)) {
                Map<String, Object> detail = settled(restarted, transferId);
                assertEquals("COMMITTED", detail.get("state"), detail + "\n" + restarted.log());

                Posting debit = onlyPosting(bank, transferId + "-debit");
                assertEquals(List.of(), bank.ledger().postings(transferId + "-refund"), "nothing given back");
                assertEquals(1, bank.journal().of(ExampleBankSimulator.TRANSFERS).size(),
                    "the debit was posted once, never again after the restart: " + bank.journal().entries());
                assertEquals(0, ALICE_OPENING.subtract(debit.amount()).compareTo(bank.ledger().balance(ExampleBankSimulator.ALICE.accountNo())),
                    "Alice debited exactly once");
                assertEquals(0, debit.amount().compareTo(bank.ledger().balance(ExampleBankSimulator.COLLECTION)), "collected once");
                assertEquals(List.of(), bank.ledger().violations());
                assertEquals(List.of(List.of("DEBIT", transferId + "-debit", "BOOKED", 1)), legs(detail),
                    "the debit leg, resolved by status on its first attempt: " + detail.get("legs"));
                assertEquals(debit.id(), detail.get("cbsReference"), detail.toString());
                assertEquals(1, hub.transfer(transferId).orElseThrow().accepts(), "the quote was accepted once: " + hub.calls());
            }
        }
    }

    @Test
    void aDebitBookedWhenTheGatewayIsKilledIsGivenBackOnceWhenTheQuoteExpiredBeforeTheRestart(@TempDir Path work)
            throws IOException, SQLException {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        try (Simulator bank = ExampleBankSimulator.start(); OutboundSimulator hub = OutboundSimulator.start()) {
            String transferId = killDuringTheDebit(work, schema, bank, hub);
            try (var connection = schema.connect();
                 var statement = connection.prepareStatement("UPDATE transfers SET expires_at = now() - interval '1 second' "
                     + "WHERE tenant_id = ? AND mojaloop_transfer_id = ?")) {
                statement.setString(1, TENANT);
                statement.setString(2, transferId);
                assertEquals(1, statement.executeUpdate());
            }
            try (GatewayProcess restarted = GatewayProcess.start(jar, work, schema, SETTINGS)) {
                Map<String, Object> detail = settled(restarted, transferId);
                assertEquals("ABORTED", detail.get("state"), detail + "\n" + restarted.log());

                Posting debit = onlyPosting(bank, transferId + "-debit");
                Posting refund = onlyPosting(bank, transferId + "-refund");
                assertEquals(0, debit.amount().compareTo(refund.amount()), "the whole debit given back");
                assertEquals(debit.debitAccount(), refund.creditAccount(), "given back to the customer it was taken from");
                assertEquals(0, ALICE_OPENING.compareTo(bank.ledger().balance(ExampleBankSimulator.ALICE.accountNo())), "Alice whole again");
                assertEquals(0, BigDecimal.ZERO.compareTo(bank.ledger().balance(ExampleBankSimulator.COLLECTION)), "nothing kept");
                assertEquals(List.of(), bank.ledger().violations());
                assertEquals(List.of(List.of("DEBIT", transferId + "-debit", "BOOKED", 1), List.of("REFUND", transferId + "-refund", "BOOKED", 1)),
                    legs(detail), "taken once, given back once: " + detail.get("legs"));
            }
        }
    }

    /**
     * Starts the gateway, onboards the tenant, quotes a send-money and accepts it while the bank books the debit and
     * holds its answer; once the booking is in the bank's ledger (and the gateway shows DEBIT_PENDING with the debit
     * leg INTENDED), SIGKILLs it.
     *
     * @return the Mojaloop transfer id
     */
    private static String killDuringTheDebit(Path work, TestDatabase.Schema schema, Simulator bank, OutboundSimulator hub) throws IOException {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(TEMPLATE_JAR, work.resolve("plugins").resolve(TEMPLATE_JAR.getFileName()));
        Files.createDirectories(work.resolve("secrets"));
        Files.writeString(work.resolve("secrets").resolve(TENANT + "-apiToken"), ExampleBankSimulator.TOKEN);
        try (GatewayProcess first = GatewayProcess.start(jar, work, schema, SETTINGS)) {
            awaitPlugin(first);
            var created = first.admin().put("/admin/tenants/" + TENANT, tenant(bank, hub, work.resolve("secrets")));
            assertEquals(201, created.status(), created.body());
            var key = first.admin().post("/admin/tenants/" + TENANT + "/api-keys", Map.of());
            assertEquals(201, key.status(), key.body());
            Http channel = first.dfsp().with("X-API-Key", key.field("apiKey"));

            String home = Payers.home();
            var quote = channel.post("/" + TENANT + "/send-money", Payers.sendMoney(home, Payers.MARY, "100"));
            assertEquals(200, quote.status(), quote.body());
            String transferId = quote.field("transferId");

            bank.inject(ExampleBankSimulator.TRANSFERS, Fault.bookThenHang(), 1);
            var accept = CompletableFuture.supplyAsync(() -> channel.put("/" + TENANT + "/send-money/" + transferId,
                Map.of("acceptQuote", true, "homeTransactionId", home)));
            List<Posting> booked = Poll.last(Duration.ofSeconds(20), () -> bank.ledger().postings(transferId + "-debit"), p -> !p.isEmpty());
            assertEquals(1, booked.size(), "the bank booked the debit: " + bank.journal().entries() + "\n" + first.log());
            Map<String, Object> during = detail(first, transferId);
            assertEquals("DEBIT_PENDING", during.get("state"), "written before the bank was called: " + during);
            assertEquals(List.of(List.of("DEBIT", transferId + "-debit", "INTENDED", 1)), legs(during), "the leg's intent: " + during);

            first.kill();
            assertTrue(accept.handle((answer, failure) -> failure != null || answer.status() >= 500).orTimeout(30, TimeUnit.SECONDS).join(),
                "the killed gateway never answered the accept");
            bank.releaseHeld();
            var posted = Poll.last(Duration.ofSeconds(5), () -> bank.journal().of(ExampleBankSimulator.TRANSFERS), e -> !e.isEmpty());
            assertEquals(1, posted.size(), "one posting request before the crash: " + posted);
            return transferId;
        }
    }

    /** The admin detail once the transfer left DEBIT_PENDING and DEBITED (or the last one read, after a minute). */
    private static Map<String, Object> settled(GatewayProcess gateway, String transferId) {
        return Poll.last(Duration.ofSeconds(60), () -> detail(gateway, transferId),
            d -> !"DEBIT_PENDING".equals(d.get("state")) && !"DEBITED".equals(d.get("state")));
    }

    private static Map<String, Object> detail(GatewayProcess gateway, String transferId) {
        var detail = gateway.admin().get("/admin/tenants/" + TENANT + "/transfers/" + transferId + "?direction=OUTBOUND");
        assertEquals(200, detail.status(), detail.body());
        return detail.json();
    }

    /** Each leg as [leg, key, state, attempts]. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> legs(Map<String, Object> detail) {
        return ((List<Map<String, Object>>) detail.get("legs")).stream()
            .map(l -> List.of(l.get("leg"), l.get("key"), l.get("state"), ((Number) l.get("attempts")).intValue()))
            .toList();
    }

    private static Posting onlyPosting(Simulator bank, String key) {
        List<Posting> postings = bank.ledger().postings(key);
        assertEquals(1, postings.size(), "postings under " + key + ": " + bank.ledger().postings());
        return postings.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static void awaitPlugin(GatewayProcess gateway) {
        var listed = Poll.last(Duration.ofSeconds(30), () -> (List<Map<String, Object>>) gateway.admin().get("/admin/plugins").json().get("plugins"),
            plugins -> plugins.stream().anyMatch(p -> "examplebank".equals(p.get("id")) && "STARTED".equals(p.get("state"))));
        assertTrue(listed.stream().anyMatch(p -> "examplebank".equals(p.get("id")) && "STARTED".equals(p.get("state"))),
            "examplebank not started: " + listed + "\n" + gateway.log());
    }

    /** A payer tenant on examplebank: the template's tenant document plus the Connector, liquidity and fees of {@link Payers}. */
    private static Map<String, Object> tenant(Simulator bank, OutboundSimulator hub, Path secrets) {
        var cbs = Map.of("plugin", "examplebank", "pluginVersion", ">=1.0.0 & <2.0.0", "timeoutMillis", 3000,
            "settings", Map.of("baseUrl", bank.baseUri().toString()),
            "secrets", Map.of("apiToken", "file:" + secrets.resolve(TENANT + "-apiToken")));
        return Map.of("dfspId", "crashfsp", "currencies", List.of("ZMW"), "cbs", cbs,
            "accounts", Map.of("disbursement", ExampleBankSimulator.FLOAT, "collection", ExampleBankSimulator.COLLECTION),
            "sdk", Map.of("outboundUrl", hub.url() + "/"),
            "liquidity", Map.of("ZMW", Map.of("limit", "100000", "alarmPercent", 80)),
            "fees", Map.of("send", Map.of("percent", "1", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
    }
}
