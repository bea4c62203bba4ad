package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.BankDown;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.LogCapture;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Hold;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugins.t24.T24Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The T24 plugin as a bank's SI ships it: its jar dropped into a running gateway, two tenants onboarded on it, each
 * pointing at its own simulated Transact with its own credentials (tenant A with exactly the tenant document of the
 * plugin's README, HTTP Basic; tenant B with a bearer token), and the Connector's payee flow run through it: lookup,
 * quote, prepare (funds locked on the float), {@code COMPLETED} twice, the customer credited once. A commit whose answer
 * is lost after T24 booked it is retried by the gateway and books once (T24 itself would book the repeated order again).
 * A payer tenant's send-money and accept (twice) debit the customer once, fee included, into the collection account.
 * Neither tenant sees the other's bank or transfers, and no secret value reaches a log line.
 */
class T24PluginIT {

    private static final String A = "t24-bank-a";
    private static final String B = "t24-bank-b";
    private static final String PAYER = "t24-pay";
    private static final String TOKEN_PAYER = "token-of-the-payer-tenant-51ab";
    private static final String USER = "coregate-api";
    private static final String PASSWORD = "pw-Of-Tenant-A-7d1f";
    private static final String TOKEN_B = "token-of-tenant-b-93c2";
    private static final Path T24_JAR = Path.of("target", "test-plugins", "t24-1.0.0.jar");
    private static final Path README = Path.of("..", "plugins", "t24", "README.md");

    private static Simulator bankA;
    private static Simulator bankB;
    private static Simulator payerBank;
    private static OutboundSimulator connector;
    private static TestGateway gateway;
    private static LogCapture logs;

    @BeforeAll
    static void startGatewayWithTheT24Plugin() throws IOException {
        assertTrue(Files.isRegularFile(T24_JAR), "run the reactor build first: " + T24_JAR.toAbsolutePath() + " is missing");
        logs = LogCapture.start();
        Path secrets = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-secrets")), "t24").toAbsolutePath();
        Files.writeString(secrets.resolve(A + "-username"), USER);
        Files.writeString(secrets.resolve(A + "-password"), PASSWORD);
        Files.writeString(secrets.resolve(B + "-apiToken"), TOKEN_B);
        Files.writeString(secrets.resolve(PAYER + "-apiToken"), TOKEN_PAYER);
        bankA = T24Simulator.startBasic(USER, PASSWORD);
        bankB = T24Simulator.start("Bearer " + TOKEN_B);
        payerBank = T24Simulator.start("Bearer " + TOKEN_PAYER);
        connector = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.secrets-dir", secrets.toString(),
            "transfers.reconcile.interval-seconds", "1", "transfers.reconcile.base-delay-millis", "200",
            "transfers.reconcile.max-delay-seconds", "1"));
        Files.copy(T24_JAR, Plugins.dropIn(gateway).resolve(T24_JAR.getFileName()));
        var loaded = Plugins.await(gateway, e -> Plugins.version("t24", "1.0.0").test(e) && "STARTED".equals(e.get("state")),
            Duration.ofSeconds(10));
        assertEquals("dropped", loaded.get("source"));
        var a = gateway.admin().put("/admin/tenants/" + A, readmeTenant(bankA, secrets));
        assertEquals(201, a.status(), a.body());
        var b = gateway.admin().put("/admin/tenants/" + B, tenantB(bankB, secrets));
        assertEquals(201, b.status(), b.body());
        var payer = gateway.admin().put("/admin/tenants/" + PAYER, payerTenant(payerBank, secrets));
        assertEquals(201, payer.status(), payer.body());
    }

    @AfterAll
    static void stop() {
        logs.close();
        if (gateway != null) {
            gateway.close();
        }
        bankA.close();
        bankB.close();
        payerBank.close();
        connector.close();
    }

    @Test
    void aPayerSendsMoneyAcceptsAndIsDebitedOnceWithTheFeeIntoTheCollectionAccount() {
        var key = gateway.admin().post("/admin/tenants/" + PAYER + "/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        Http channel = gateway.dfsp().with("X-API-Key", key.field("apiKey"));
        BigDecimal alice = payerBank.ledger().balance(T24Simulator.ALICE.accountId());
        String home = Payers.home();
        var quote = channel.post("/" + PAYER + "/send-money", Payers.sendMoney(home, Payers.MARY, "100"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        assertEquals(0, alice.compareTo(payerBank.ledger().balance(T24Simulator.ALICE.accountId())), "nothing debited before the accept");
        for (int accept = 0; accept < 2; accept++) {
            var done = channel.put("/" + PAYER + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
            assertEquals(200, done.status(), done.body());
            assertEquals("COMMITTED", done.field("transferState"), done.body());
        }
        var debits = orders(payerBank, transferId);
        assertEquals(1, debits.size(), "one debit order: " + payerBank.ledger().postings());
        assertEquals(T24Simulator.COLLECTION, debits.getFirst().creditAccount());
        assertEquals(0, alice.subtract(new BigDecimal("101")).compareTo(payerBank.ledger().balance(T24Simulator.ALICE.accountId())),
            "amount + 1% send fee, once");
        assertTrue(payerBank.journal().of(T24Simulator.ORDERS).getFirst().body().contains("DB\""), "the debit leg's reference");
        assertEquals(List.of(), payerBank.ledger().violations());
    }

    @Test
    void theReadmeTenantLooksUpQuotesReservesAndIsCreditedOnceForTwoCompletedNotifications() {
        var backend = new Backend(gateway, A);
        String bob = T24Simulator.BOB.msisdn();
        var party = backend.get("/parties/MSISDN/" + bob);
        assertEquals(200, party.status(), party.body());
        assertEquals("Bob Phiri", party.field("displayName"));
        assertEquals("t24banka", party.field("fspId"));
        var blocked = backend.get("/parties/MSISDN/" + T24Simulator.CAROL.msisdn());
        assertTrue(blocked.body().contains("5400"), "Carol's restricted account is blocked: " + blocked.body());

        BigDecimal bobBefore = bankA.ledger().balance(T24Simulator.BOB.accountId());
        BigDecimal floatBefore = bankA.ledger().balance(T24Simulator.FLOAT);
        String transferId = reserve(backend, "t24banka", bob, "100");
        List<Hold> locks = bankA.ledger().holds().stream().filter(h -> h.accountNo().equals(T24Simulator.FLOAT)).toList();
        assertEquals(1, locks.stream().filter(h -> h.state() == Hold.State.OPEN).count(), "the reservation locks the float: " + locks);
        for (int notification = 0; notification < 2; notification++) {
            var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
            assertEquals(200, completed.status(), completed.body());
        }
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));

        List<Posting> credits = orders(bankA, transferId);
        assertEquals(1, credits.size(), "orders of the transfer: " + bankA.ledger().postings());
        assertEquals(0, bobBefore.add(new BigDecimal("100")).compareTo(bankA.ledger().balance(T24Simulator.BOB.accountId())), "Bob's balance");
        assertEquals(0, floatBefore.subtract(new BigDecimal("100")).compareTo(bankA.ledger().balance(T24Simulator.FLOAT)), "the float");
        assertTrue(bankA.ledger().holds().stream().noneMatch(h -> h.state() == Hold.State.OPEN), "the lock was lifted");
        assertEquals(List.of(), bankA.ledger().violations());
        String order = "PI" + String.format("%014d", Long.parseLong(credits.getFirst().id().substring(2)));
        var log = gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId);
        assertEquals(order, log.field("cbsReference"), log.body());
        assertTrue(bankA.journal().of(T24Simulator.ORDERS).getFirst().body().contains("\"endToEndReference\":\"" + transferId.replace("-", "")),
            "the transfer id travels as endToEndReference");
    }

    @Test
    void aCommitWhoseAnswerIsLostAfterBookingIsRetriedByTheGatewayAndBooksOnce() {
        var backend = new Backend(gateway, A);
        String bob = T24Simulator.BOB.msisdn();
        BigDecimal bobBefore = bankA.ledger().balance(T24Simulator.BOB.accountId());
        String transferId = reserve(backend, "t24banka", bob, "25");
        bankA.inject(T24Simulator.ORDERS, Fault.dropAfterBooking(), 1);
        var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, completed.status(), completed.body());
        var settled = Poll.last(Duration.ofSeconds(15), () -> gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId).json(),
            t -> "COMMITTED".equals(t.get("state")));
        assertEquals("COMMITTED", settled.get("state"), "the transfer after the gateway's retry: " + settled);
        assertEquals(1, orders(bankA, transferId).size(), "orders of the transfer: " + bankA.ledger().postings());
        assertEquals(0, bobBefore.add(new BigDecimal("25")).compareTo(bankA.ledger().balance(T24Simulator.BOB.accountId())), "Bob's balance");
        assertTrue(bankA.journal().of(T24Simulator.ORDERS).stream().anyMatch(e -> e.status() == -1), "the answer was dropped once");
        assertEquals(List.of(), bankA.ledger().violations());
    }

    @Test
    void twoTenantsOnThePluginNeverSeeEachOthersBankOrTransfers() {
        int requestsAtA = bankA.journal().entries().size();
        var backendB = new Backend(gateway, B);
        var unknownToB = backendB.get("/parties/MSISDN/" + T24Simulator.BOB.msisdn());
        assertTrue(unknownToB.status() >= 400, "tenant B maps no MSISDN of Bob and has no search: " + unknownToB.body());
        var alice = backendB.get("/parties/MSISDN/" + T24Simulator.ALICE.msisdn());
        assertEquals(200, alice.status(), alice.body());
        assertEquals("t24bankb", alice.field("fspId"));
        BigDecimal aliceAtA = bankA.ledger().balance(T24Simulator.ALICE.accountId());
        String transferId = reserve(backendB, "t24bankb", T24Simulator.ALICE.msisdn(), "10");
        var completed = backendB.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, completed.status(), completed.body());
        assertEquals(1, orders(bankB, transferId).size(), "tenant B's order is at bank B");
        assertEquals(0, orders(bankA, transferId).size(), "nothing of tenant B at bank A");
        assertEquals(requestsAtA, bankA.journal().entries().size(), "tenant B sent nothing to bank A");
        assertEquals(0, aliceAtA.compareTo(bankA.ledger().balance(T24Simulator.ALICE.accountId())));
        assertEquals(404, gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId).status(), "tenant A does not see B's transfer");
        assertEquals(List.of(), bankB.ledger().violations());
    }

    @Test
    void aBankThatHangsAnswersItsTenant2004WithinTheTimeoutWhileTheOtherTenantIsServed() throws Exception {
        bankB.inject(T24Simulator.ACCOUNTS, Fault.hang(), 1);
        BankDown.othersAreServed(gateway, B, A, T24Simulator.ALICE.msisdn(), 5_000);
    }

    @Test
    void noSecretValueReachesALogLine() {
        var backend = new Backend(gateway, A);
        bankA.inject(T24Simulator.ACCOUNTS, Fault.expiredToken(), 1);
        backend.get("/parties/MSISDN/" + T24Simulator.ALICE.msisdn());
        backend.get("/parties/MSISDN/" + T24Simulator.ALICE.msisdn());
        new Backend(gateway, B).get("/parties/MSISDN/" + T24Simulator.ALICE.msisdn());
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("t24") || l.contains("T24")), "the plugin's calls were logged: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Authorization")), "request headers were logged (masked)");
        for (String line : lines) {
            for (String secret : List.of(PASSWORD, TOKEN_B, basic)) {
                assertFalse(line.contains(secret), "a secret in a log line: " + line);
            }
        }
    }

    /** Looks the payee up, quotes and prepares {@code amount} to them; answers the transfer id, RESERVED. */
    private static String reserve(Backend backend, String dfspId, String msisdn, String amount) {
        var quoteRequest = Payee.quote(Payee.id(), msisdn, "SEND", amount);
        quoteRequest.put("to", Payee.party("MSISDN", msisdn, dfspId));
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        String transferId = Payee.id();
        var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, reserved.status(), reserved.body());
        assertEquals("RESERVED", reserved.field("transferState"), reserved.body());
        return transferId;
    }

    /** The orders a bank booked for this transfer (its endToEndReference: the id without dashes). */
    private static List<Posting> orders(Simulator bank, String transferId) {
        String endToEnd = transferId.replace("-", "");
        var references = bank.journal().of(T24Simulator.ORDERS).stream().filter(e -> e.body().contains(endToEnd))
            .map(e -> reference(e.body())).distinct().toList();
        return bank.ledger().postings().stream().filter(p -> references.contains(p.legKey())).toList();
    }

    private static String reference(String body) {
        Matcher m = Pattern.compile("\"orderingReference\":\"([A-Za-z0-9]+)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** Exactly the README's tenant document, pointed at this bank and this secrets directory. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readmeTenant(Simulator bank, Path secrets) throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Tenant document.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README's tenant document");
        String document = block.group(1).replace("https://t24.bank.test", bank.baseUri().toString())
            .replace("/etc/coregate/tenant-secrets", secrets.toString());
        return Http.JSON.readValue(document, LinkedHashMap.class);
    }

    /** The payer tenant: its channel's Connector is the simulator, liquidity 1000 ZMW, send fee 1%, Alice mapped. */
    private static Map<String, Object> payerTenant(Simulator bank, Path secrets) {
        var doc = tenantB(bank, secrets);
        doc.put("dfspId", "t24pay");
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) doc.get("cbs");
        cbs.put("secrets", Map.of("apiToken", "file:" + secrets.resolve(PAYER + "-apiToken")));
        doc.put("sdk", Map.of("outboundUrl", connector.url() + "/"));
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", "1000", "alarmPercent", 80)));
        doc.put("fees", Map.of("send", Map.of("percent", "1", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
        return doc;
    }

    /** Tenant B: bearer token, only Alice's MSISDN mapped, no locks. */
    private static Map<String, Object> tenantB(Simulator bank, Path secrets) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("baseUrl", bank.baseUri() + T24Simulator.BASE);
        settings.put("paymentOrderProductId", T24Simulator.PRODUCT);
        settings.put("auth", Map.of("type", "bearer"));
        settings.put("msisdnAccounts", Map.of(T24Simulator.ALICE.msisdn(), T24Simulator.ALICE.accountId()));
        var cbs = new LinkedHashMap<String, Object>();
        cbs.put("plugin", "t24");
        cbs.put("pluginVersion", ">=1.0.0 & <2.0.0");
        cbs.put("timeoutMillis", 5000);
        cbs.put("settings", settings);
        cbs.put("secrets", Map.of("apiToken", "file:" + secrets.resolve(B + "-apiToken")));
        var doc = new LinkedHashMap<String, Object>();
        doc.put("dfspId", "t24bankb");
        doc.put("currencies", List.of("ZMW"));
        doc.put("cbs", cbs);
        doc.put("accounts", Map.of("disbursement", T24Simulator.FLOAT, "collection", T24Simulator.COLLECTION));
        return doc;
    }
}
