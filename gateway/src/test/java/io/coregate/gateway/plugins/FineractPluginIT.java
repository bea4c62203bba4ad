package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.LogCapture;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugins.fineract.FineractSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fineract plugin as shipped: the jar built by {@code plugins/fineract} is dropped into a running gateway, the tenant
 * document of the plugin's README is onboarded verbatim (its password from {@code env:FINERACT_A_PASSWORD}, set by the
 * gateway's surefire configuration), then pointed at the simulated Fineract (the plugin's own simulator of Fineract's
 * API) and a Mojaloop Connector's payee flow (lookup, quote, transfer, {@code COMPLETED} twice: credited once), a lost
 * Fineract answer retried by the reconciliation job under the same key (booked once), and the payer flow (send money, accept: the hold
 * captured once; a hub abort: the hold released; on a tenant with {@code debitHolds: false}, the debit refunded under
 * its own key) run through it. No log line carries the Fineract password.
 */
class FineractPluginIT {

    private static final String TENANT = "fineract-a";
    private static final Path JAR = Path.of("target", "test-plugins", "fineract-1.0.0.jar");
    private static final Path README = Path.of("..", "plugins", "fineract", "README.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json\\n(.*?)^```", Pattern.DOTALL);

    private static FineractSimulator fineract;
    private static OutboundSimulator connector;
    private static TestGateway gateway;
    private static Http dfsp;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run the reactor build first: " + JAR.toAbsolutePath() + " is missing");
        logs = LogCapture.start();
        assertEquals(FineractSimulator.PASSWORD, System.getenv("FINERACT_A_PASSWORD"),
            "the README's secret reference env:FINERACT_A_PASSWORD is set by gateway/pom.xml's surefire configuration");
        fineract = FineractSimulator.start();
        connector = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1",
            "transfers.reconcile.base-delay-millis", "200", "transfers.reconcile.max-delay-seconds", "1"));
        Files.copy(JAR, Plugins.dropIn(gateway).resolve(JAR.getFileName()));
        var loaded = Plugins.await(gateway, e -> Plugins.version("fineract", "1.0.0").test(e) && "STARTED".equals(e.get("state")),
            Duration.ofSeconds(10));
        assertEquals("dropped", loaded.get("source"));

        String documented = readmeDocument();
        var verbatim = gateway.admin().send("PUT", "/admin/tenants/" + TENANT, "application/json", documented.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, verbatim.status(), verbatim.body());
        var onSimulator = gateway.admin().put("/admin/tenants/" + TENANT, onSimulator(documented));
        assertEquals(200, onSimulator.status(), onSimulator.body());
        var key = gateway.admin().post("/admin/tenants/" + TENANT + "/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        dfsp = gateway.dfsp().with("X-API-Key", key.field("apiKey"));
    }

    @AfterAll
    static void stop() {
        logs.close();
        if (gateway != null) {
            gateway.close();
        }
        if (connector != null) {
            connector.close();
        }
        if (fineract != null) {
            fineract.simulator().close();
        }
        String basic = Base64.getEncoder().encodeToString((FineractSimulator.USERNAME + ":" + FineractSimulator.PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
        assertFalse(logs.lines().isEmpty(), "nothing was logged to check");
        logs.lines().forEach(line -> assertFalse(line.contains(FineractSimulator.PASSWORD) || line.contains(basic), line));
    }

    @AfterEach
    void booksAreSound() {
        assertEquals(List.of(), fineract.simulator().ledger().violations());
    }

    @Test
    void aPayeeTransferIsCreditedOnceThoughCompletedArrivesTwice() {
        BigDecimal bob = fineract.balance(FineractSimulator.BOB.savingsId());
        BigDecimal float_ = fineract.balance(FineractSimulator.FLOAT);
        var backend = new Backend(gateway, TENANT);
        String msisdn = FineractSimulator.BOB.msisdn();
        var party = backend.get("/parties/MSISDN/" + msisdn);
        assertEquals(200, party.status(), party.body());
        assertEquals("Bob Phiri", party.field("displayName"));
        assertEquals("fineracta", party.field("fspId"));

        String transferId = payeeTransfer(backend, msisdn, "100");
        for (int notification = 0; notification < 2; notification++) {
            var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
            assertEquals(200, completed.status(), completed.body());
        }
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        List<Posting> postings = fineract.simulator().ledger().postings(transferId + "-commit");
        assertEquals(1, postings.size(), "postings of the credit leg: " + fineract.simulator().ledger().postings());
        assertEquals(0, bob.add(new BigDecimal("100")).compareTo(fineract.balance(FineractSimulator.BOB.savingsId())), "Bob's balance");
        assertEquals(0, float_.subtract(new BigDecimal("100")).compareTo(fineract.balance(FineractSimulator.FLOAT)), "the float's balance");
        var booked = fineract.transfers().getLast();
        var log = gateway.admin().get("/admin/tenants/" + TENANT + "/transfers/" + transferId);
        assertEquals(Long.toString(booked.id()), log.field("cbsReference"), log.body());
        assertTrue(booked.description().endsWith(transferId + "-commit"), booked.description());
    }

    @Test
    void aCreditWhoseAnswerWasLostIsRetriedAndBookedOnce() {
        BigDecimal bob = fineract.balance(FineractSimulator.BOB.savingsId());
        var backend = new Backend(gateway, TENANT);
        String transferId = payeeTransfer(backend, FineractSimulator.BOB.msisdn(), "40");
        fineract.simulator().inject(FineractSimulator.TRANSFERS, Fault.dropAfterBooking(), 1);
        var notified = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, notified.status(), notified.body());
        // Unknown, not refused: COMMITTING until the settling job sends the credit again under its key (Fineract replays it).
        assertEquals("COMMITTING", admin(transferId).get("state"), "the lost answer left the credit unconfirmed");
        var committed = Poll.last(Duration.ofSeconds(15), () -> admin(transferId), t -> "COMMITTED".equals(t.get("state")));
        assertEquals("COMMITTED", committed.get("state"), "the settling job sent the credit again: " + committed);
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        assertEquals(2, fineract.simulator().journal().of(FineractSimulator.TRANSFERS).stream()
            .filter(e -> e.body().contains(transferId + "-commit")).count(), "the lost call and its retry reached Fineract");
        assertEquals(0, bob.add(new BigDecimal("40")).compareTo(fineract.balance(FineractSimulator.BOB.savingsId())),
            "Bob's balance: credited once");
        assertEquals(1, fineract.simulator().ledger().postings(transferId + "-commit").size(), "booked once, under the commit key");
    }

    @Test
    void aPayerTransferHoldsThenCapturesOnceAndAnAbortReleasesTheHold() {
        long alice = FineractSimulator.ALICE.savingsId();
        BigDecimal before = fineract.balance(alice);
        BigDecimal collected = fineract.balance(FineractSimulator.COLLECTION);
        String home = Payers.home();
        var quote = dfsp.post("/" + TENANT + "/send-money", Payers.sendMoney(home, Payers.MARY, "100"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var done = dfsp.put("/" + TENANT + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(200, done.status(), done.body());
        assertEquals("COMMITTED", done.field("transferState"), done.body());
        var again = dfsp.put("/" + TENANT + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(200, again.status(), again.body());
        assertEquals(0, before.subtract(new BigDecimal("101")).compareTo(fineract.balance(alice)), "amount + 1% send fee, once");
        assertEquals(0, fineract.balance(alice).compareTo(fineract.available(alice)), "no hold left open");
        assertEquals(0, collected.add(new BigDecimal("101")).compareTo(fineract.balance(FineractSimulator.COLLECTION)));
        assertEquals(1, fineract.simulator().ledger().postings(transferId + "-capture").size(), "captured once");

        String payee = "260972100016";
        connector.planFor(payee, SimulatorPlan.normal().acceptError("5100", "Payee rejected"));
        BigDecimal available = fineract.available(alice);
        String failedHome = Payers.home();
        var failedQuote = dfsp.post("/" + TENANT + "/send-money", Payers.sendMoney(failedHome, payee, "30"));
        assertEquals(200, failedQuote.status(), failedQuote.body());
        String failed = failedQuote.field("transferId");
        var aborted = dfsp.put("/" + TENANT + "/send-money/" + failed, Map.of("acceptQuote", true, "homeTransactionId", failedHome));
        assertFalse(aborted.status() == 200 && "COMMITTED".equals(aborted.field("transferState")), aborted.body());
        assertEquals("ABORTED", dfsp.get("/" + TENANT + "/transfers/" + failed).field("transferState"));
        assertEquals(0, available.compareTo(fineract.available(alice)), "the hold was released: Alice can spend it again");
        assertEquals(List.of(), fineract.simulator().ledger().postings(failed + "-capture"));
        assertTrue(fineract.simulator().journal().of(FineractSimulator.HOLD_RELEASE).stream().anyMatch(e -> e.status() == 200),
            "releaseAmount was called");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDirectDebitTenantRefundsAnAbortedTransferUnderItsOwnKey() throws IOException {
        Map<String, Object> doc = onSimulator(readmeDocument());
        doc.put("dfspId", "fineractb");
        var cbs = (Map<String, Object>) doc.get("cbs");
        var settings = new LinkedHashMap<String, Object>((Map<String, Object>) cbs.get("settings"));
        settings.put("debitHolds", false);
        cbs.put("settings", settings);
        cbs.put("secrets", Map.of("password", "env:FINERACT_B_PASSWORD"));
        var created = gateway.admin().put("/admin/tenants/fineract-b", doc);
        assertEquals(201, created.status(), created.body());
        var key = gateway.admin().post("/admin/tenants/fineract-b/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        Http directDebit = gateway.dfsp().with("X-API-Key", key.field("apiKey"));

        long alice = FineractSimulator.ALICE.savingsId();
        BigDecimal before = fineract.balance(alice);
        String payee = "260972100017";
        connector.planFor(payee, SimulatorPlan.normal().acceptError("5100", "Payee rejected"));
        String home = Payers.home();
        var quote = directDebit.post("/fineract-b/send-money", Payers.sendMoney(home, payee, "20"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        directDebit.put("/fineract-b/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        var aborted = Poll.last(Duration.ofSeconds(15), () -> directDebit.get("/fineract-b/transfers/" + transferId),
            r -> "ABORTED".equals(r.field("transferState")));
        assertEquals("ABORTED", aborted.field("transferState"), aborted.body());
        assertEquals(0, before.compareTo(fineract.balance(alice)), "the refund gave Alice her money back");
        assertEquals(1, fineract.simulator().ledger().postings(transferId + "-debit").size(), "debited once");
        assertEquals(1, fineract.simulator().ledger().postings(transferId + "-refund").size(), "refunded once, under its own key");
        assertEquals(List.of(), fineract.simulator().ledger().postings(transferId + "-capture"));
    }

    /** The transfer as the admin API shows it (state, target state, journal). */
    private static Map<String, Object> admin(String transferId) {
        var transfer = gateway.admin().get("/admin/tenants/" + TENANT + "/transfers/" + transferId);
        assertEquals(200, transfer.status(), transfer.body());
        return transfer.json();
    }

    /** Quote and prepare a payee transfer of {@code amount} ZMW to {@code msisdn}; answers its transfer id. */
    private static String payeeTransfer(Backend backend, String msisdn, String amount) {
        var quoteRequest = Payee.quote(Payee.id(), msisdn, "SEND", amount);
        quoteRequest.put("to", Payee.party("MSISDN", msisdn, "fineracta"));
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        String transferId = Payee.id();
        var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, reserved.status(), reserved.body());
        assertEquals("RESERVED", reserved.field("transferState"), reserved.body());
        return transferId;
    }

    /** The README's one tenant document, as written. */
    private static String readmeDocument() throws IOException {
        Matcher blocks = JSON_BLOCK.matcher(Files.readString(README));
        var documents = new ArrayList<String>();
        while (blocks.find()) {
            documents.add(blocks.group(1));
        }
        assertEquals(1, documents.size(), "the plugin's README shows one tenant document");
        return documents.getFirst();
    }

    /** The README's document pointed at the simulator (its address and user), with a Connector, liquidity and fees. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> onSimulator(String documented) throws IOException {
        Map<String, Object> doc = Http.JSON.readValue(documented, LinkedHashMap.class);
        var cbs = (Map<String, Object>) doc.get("cbs");
        var settings = new LinkedHashMap<String, Object>((Map<String, Object>) cbs.get("settings"));
        settings.put("baseUrl", fineract.baseUrl());
        settings.put("tenantIdentifier", FineractSimulator.TENANT);
        settings.put("username", FineractSimulator.USERNAME);
        cbs.put("settings", settings);
        doc.put("sdk", Map.of("outboundUrl", connector.url() + "/"));
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", "10000", "alarmPercent", 80)));
        doc.put("fees", Map.of("send", Map.of("percent", "1", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
        return doc;
    }
}
