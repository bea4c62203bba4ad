package io.coregate.gateway.plugins;

import java.util.LinkedHashMap;
import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.BankDown;
import io.coregate.gateway.testing.LogCapture;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugins.flexcube.FlexcubeSimulator;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FLEXCUBE plugin as a bank's SI ships it: its jar dropped into a running gateway, two tenants onboarded on it, each
 * pointing at its own simulated FCUBS gateway with its own HTTP Basic credentials (tenant A with exactly the tenant
 * document of the plugin's README), and the Connector's payee flow run through it: lookup, quote, prepare (an amount
 * block on the float), {@code COMPLETED} twice, the customer credited once. A commit whose answer is lost after FCUBS
 * booked it is retried by the gateway and books once, on a bank that would book a repeated XREF again. A payer tenant's
 * send-money and accept (twice) debit the customer once, fee included, into the collection account. Neither tenant sees
 * the other's bank or transfers, and no secret value reaches a log line.
 */
class FlexcubePluginIT {

    private static final String A = "fcubs-bank-a";
    private static final String B = "fcubs-bank-b";
    private static final String PAYER = "fcubs-pay";
    private static final String USER = "coregate-gw";
    private static final String PASSWORD = "pw-Of-Fcubs-Tenant-A-4e2b";
    private static final String PASSWORD_B = "pw-Of-Fcubs-Tenant-B-8c1d";
    private static final String PASSWORD_PAYER = "pw-Of-Fcubs-Payer-2a7f";
    private static final Path JAR = Path.of("target", "test-plugins", "flexcube-1.0.0.jar");
    private static final Path README = Path.of("..", "plugins", "flexcube", "README.md");

    private static FlexcubeSimulator bankA;
    private static FlexcubeSimulator bankB;
    private static FlexcubeSimulator payerBank;
    private static OutboundSimulator connector;
    private static TestGateway gateway;
    private static LogCapture logs;

    @BeforeAll
    static void startGatewayWithTheFlexcubePlugin() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run the reactor build first: " + JAR.toAbsolutePath() + " is missing");
        logs = LogCapture.start();
        Path secrets = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-secrets")), "fcubs").toAbsolutePath();
        Files.writeString(secrets.resolve(A + "-username"), USER);
        Files.writeString(secrets.resolve(A + "-password"), PASSWORD);
        Files.writeString(secrets.resolve(B + "-username"), USER);
        Files.writeString(secrets.resolve(B + "-password"), PASSWORD_B);
        Files.writeString(secrets.resolve(PAYER + "-username"), USER);
        Files.writeString(secrets.resolve(PAYER + "-password"), PASSWORD_PAYER);
        bankA = FlexcubeSimulator.startBasic(USER, PASSWORD).duplicates(DuplicatePolicy.BOOK_TWICE);
        bankB = FlexcubeSimulator.startBasic(USER, PASSWORD_B);
        payerBank = FlexcubeSimulator.startBasic(USER, PASSWORD_PAYER);
        connector = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.secrets-dir", secrets.toString(),
            "transfers.reconcile.interval-seconds", "1", "transfers.reconcile.base-delay-millis", "200",
            "transfers.reconcile.max-delay-seconds", "1"));
        Files.copy(JAR, Plugins.dropIn(gateway).resolve(JAR.getFileName()));
        var loaded = Plugins.await(gateway, e -> Plugins.version("flexcube", "1.0.0").test(e) && "STARTED".equals(e.get("state")),
            Duration.ofSeconds(10));
        assertEquals("dropped", loaded.get("source"));
        var a = gateway.admin().put("/admin/tenants/" + A, readmeTenant(bankA, secrets));
        assertEquals(201, a.status(), a.body());
        var b = gateway.admin().put("/admin/tenants/" + B, tenant(bankB, secrets, B, "fcubsbankb"));
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
        String aliceAccount = FlexcubeSimulator.ALICE.accountNo();
        BigDecimal alice = payerBank.ledger().balance(aliceAccount);
        String home = Payers.home();
        var quote = channel.post("/" + PAYER + "/send-money", Payers.sendMoney(home, Payers.MARY, "100"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        assertEquals(0, alice.compareTo(payerBank.ledger().balance(aliceAccount)), "nothing debited before the accept");
        for (int accept = 0; accept < 2; accept++) {
            var done = channel.put("/" + PAYER + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
            assertEquals(200, done.status(), done.body());
            assertEquals("COMMITTED", done.field("transferState"), done.body());
        }
        var debits = payerBank.transactions(transferId);
        assertEquals(1, debits.size(), "one debit transaction: " + payerBank.transactions());
        assertEquals(aliceAccount, debits.getFirst().txnAcc());
        assertEquals(FlexcubeSimulator.COLLECTION, debits.getFirst().offsetAcc());
        assertEquals(FlexcubeSimulator.DEBIT_PRODUCT, debits.getFirst().product());
        assertEquals(0, alice.subtract(new BigDecimal("101")).compareTo(payerBank.ledger().balance(aliceAccount)), "amount + 1% send fee, once");
        assertEquals(0, payerBank.ledger().available(aliceAccount).compareTo(payerBank.ledger().balance(aliceAccount)), "no block left");
        assertEquals(List.of(), payerBank.ledger().violations());
    }

    @Test
    void theReadmeTenantLooksUpQuotesReservesAndIsCreditedOnceForTwoCompletedNotifications() {
        var backend = new Backend(gateway, A);
        String bob = FlexcubeSimulator.BOB.msisdn();
        var party = backend.get("/parties/MSISDN/" + bob);
        assertEquals(200, party.status(), party.body());
        assertEquals("Bob Phiri", party.field("displayName"));
        assertEquals("fcubsbanka", party.field("fspId"));
        var blocked = backend.get("/parties/MSISDN/" + FlexcubeSimulator.CAROL.msisdn());
        assertTrue(blocked.body().contains("5400"), "Carol's no-credit account is blocked: " + blocked.body());

        BigDecimal bobBefore = bankA.ledger().balance(FlexcubeSimulator.BOB.accountNo());
        BigDecimal floatBefore = bankA.ledger().balance(FlexcubeSimulator.FLOAT);
        String transferId = reserve(backend, "fcubsbanka", bob, "100");
        assertEquals(1, bankA.blocks().stream().filter(b -> b.account().equals(FlexcubeSimulator.FLOAT) && b.status().equals("O")).count(),
            "the reservation blocks the float: " + bankA.blocks());
        for (int notification = 0; notification < 2; notification++) {
            var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
            assertEquals(200, completed.status(), completed.body());
        }
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        var credits = bankA.transactions(transferId);
        assertEquals(1, credits.size(), "transactions of the transfer: " + bankA.transactions());
        assertEquals(FlexcubeSimulator.FLOAT, credits.getFirst().txnAcc());
        assertEquals(FlexcubeSimulator.BOB.accountNo(), credits.getFirst().offsetAcc());
        assertEquals(0, bobBefore.add(new BigDecimal("100")).compareTo(bankA.ledger().balance(FlexcubeSimulator.BOB.accountNo())), "Bob");
        assertEquals(0, floatBefore.subtract(new BigDecimal("100")).compareTo(bankA.ledger().balance(FlexcubeSimulator.FLOAT)), "the float");
        assertTrue(bankA.blocks().stream().noneMatch(b -> b.status().equals("O")), "the block was closed: " + bankA.blocks());
        assertEquals(List.of(), bankA.ledger().violations());
        var log = gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId);
        assertEquals(credits.getFirst().fccref(), log.field("cbsReference"), log.body());
        assertTrue(credits.getFirst().xref().matches("[0-9a-f]{14}CM"), "the commit leg's key as XREF: " + credits.getFirst().xref());
    }

    @Test
    void aCommitWhoseAnswerIsLostAfterBookingIsRetriedByTheGatewayAndBooksOnce() {
        var backend = new Backend(gateway, A);
        String bob = FlexcubeSimulator.BOB.msisdn();
        BigDecimal bobBefore = bankA.ledger().balance(FlexcubeSimulator.BOB.accountNo());
        String transferId = reserve(backend, "fcubsbanka", bob, "25");
        bankA.inject(FlexcubeSimulator.CREATE, Fault.dropAfterBooking(), 1);
        var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, completed.status(), completed.body());
        var settled = Poll.last(Duration.ofSeconds(15), () -> gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId).json(),
            t -> "COMMITTED".equals(t.get("state")));
        assertEquals("COMMITTED", settled.get("state"), "the transfer after the gateway's retry: " + settled);
        assertEquals(1, bankA.transactions(transferId).size(), "transactions of the transfer (the bank books a repeated XREF again): "
            + bankA.transactions());
        assertEquals(0, bobBefore.add(new BigDecimal("25")).compareTo(bankA.ledger().balance(FlexcubeSimulator.BOB.accountNo())), "Bob");
        assertTrue(bankA.calls(FlexcubeSimulator.CREATE).stream().anyMatch(c -> c.status() == -1), "the answer was dropped once");
        assertEquals(List.of(), bankA.ledger().violations());
    }

    @Test
    void twoTenantsOnThePluginNeverSeeEachOthersBankOrTransfers() {
        int requestsAtA = bankA.calls().size();
        var backendB = new Backend(gateway, B);
        var unknownToB = backendB.get("/parties/MSISDN/" + FlexcubeSimulator.BOB.msisdn());
        assertTrue(unknownToB.status() >= 400, "tenant B maps no MSISDN of Bob: " + unknownToB.body());
        var alice = backendB.get("/parties/MSISDN/" + FlexcubeSimulator.ALICE.msisdn());
        assertEquals(200, alice.status(), alice.body());
        assertEquals("fcubsbankb", alice.field("fspId"));
        BigDecimal aliceAtA = bankA.ledger().balance(FlexcubeSimulator.ALICE.accountNo());
        String transferId = reserve(backendB, "fcubsbankb", FlexcubeSimulator.ALICE.msisdn(), "10");
        var completed = backendB.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, completed.status(), completed.body());
        assertEquals(1, bankB.transactions(transferId).size(), "tenant B's transaction is at bank B");
        assertEquals(0, bankA.transactions(transferId).size(), "nothing of tenant B at bank A");
        assertEquals(requestsAtA, bankA.calls().size(), "tenant B sent nothing to bank A");
        assertEquals(0, aliceAtA.compareTo(bankA.ledger().balance(FlexcubeSimulator.ALICE.accountNo())));
        assertEquals(404, gateway.admin().get("/admin/tenants/" + A + "/transfers/" + transferId).status(), "tenant A does not see B's transfer");
        assertEquals(List.of(), bankB.ledger().violations());
    }

    @Test
    void aBankThatHangsAnswersItsTenant2004WithinTheTimeoutWhileTheOtherTenantIsServed() throws Exception {
        bankB.inject(FlexcubeSimulator.ACCOUNT, Fault.hang(), 1);
        BankDown.othersAreServed(gateway, B, A, FlexcubeSimulator.ALICE.msisdn(), 5_000);
    }

    @Test
    void noSecretValueReachesALogLine() {
        var backend = new Backend(gateway, A);
        bankA.inject(FlexcubeSimulator.ACCOUNT, Fault.expiredToken(), 1);
        backend.get("/parties/MSISDN/" + FlexcubeSimulator.ALICE.msisdn());
        backend.get("/parties/MSISDN/" + FlexcubeSimulator.ALICE.msisdn());
        new Backend(gateway, B).get("/parties/MSISDN/" + FlexcubeSimulator.ALICE.msisdn());
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("flexcube")), "the plugin's calls were logged: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("flexcube ->") && l.contains("Authorization: ***")),
            "the credential header was logged, masked");
        for (String password : List.of(PASSWORD, PASSWORD_B, PASSWORD_PAYER)) {
            String basic = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            for (String line : lines) {
                assertFalse(line.contains(password) || line.contains(basic), "a secret in a log line: " + line);
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

    /** Exactly the README's tenant document, pointed at this bank and this secrets directory. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readmeTenant(FlexcubeSimulator bank, Path secrets) throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Tenant document.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README's tenant document");
        String document = block.group(1).replace("https://fcubs.bank.test:7003", bank.baseUri().toString())
            .replace("/etc/coregate/tenant-secrets", secrets.toString());
        return Http.JSON.readValue(document, LinkedHashMap.class);
    }

    /** The payer tenant: its channel's Connector is the simulator, liquidity 1000 ZMW, send fee 1%, Alice mapped. */
    private static Map<String, Object> payerTenant(FlexcubeSimulator bank, Path secrets) {
        var doc = tenant(bank, secrets, PAYER, "fcubspay");
        doc.put("sdk", Map.of("outboundUrl", connector.url() + "/"));
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", "1000", "alarmPercent", 80)));
        doc.put("fees", Map.of("send", Map.of("percent", "1", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
        return doc;
    }

    /** A tenant with HTTP Basic from its own secrets and only Alice's MSISDN mapped. */
    private static Map<String, Object> tenant(FlexcubeSimulator bank, Path secrets, String tenantId, String dfspId) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("baseUrl", bank.baseUri().toString());
        settings.put("source", FlexcubeSimulator.SOURCE);
        settings.put("userId", FlexcubeSimulator.USER);
        settings.put("branch", FlexcubeSimulator.BRANCH);
        settings.put("creditProduct", FlexcubeSimulator.CREDIT_PRODUCT);
        settings.put("debitProduct", FlexcubeSimulator.DEBIT_PRODUCT);
        settings.put("httpBasic", true);
        settings.put("msisdnAccounts", Map.of(FlexcubeSimulator.ALICE.msisdn(), FlexcubeSimulator.ALICE.accountNo()));
        var cbs = new LinkedHashMap<String, Object>();
        cbs.put("plugin", "flexcube");
        cbs.put("pluginVersion", ">=1.0.0 & <2.0.0");
        cbs.put("timeoutMillis", 5000);
        cbs.put("settings", settings);
        cbs.put("secrets", Map.of("username", "file:" + secrets.resolve(tenantId + "-username"),
            "password", "file:" + secrets.resolve(tenantId + "-password")));
        var doc = new LinkedHashMap<String, Object>();
        doc.put("dfspId", dfspId);
        doc.put("currencies", List.of("ZMW"));
        doc.put("cbs", cbs);
        doc.put("accounts", Map.of("disbursement", FlexcubeSimulator.FLOAT, "collection", FlexcubeSimulator.COLLECTION));
        return doc;
    }
}
