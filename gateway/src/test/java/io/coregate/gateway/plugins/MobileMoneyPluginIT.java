package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.LogCapture;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugins.mobilemoney.MobileMoneySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mobile-money plugin as an operator's SI ships it: its jar dropped into a running gateway, a payee tenant onboarded
 * with exactly the tenant document of the plugin's README and a payer tenant, each on its own simulated GSMA provider
 * that answers money requests {@code 202} and settles them later. Payee: lookup, quote, prepare (no call: a wallet cannot
 * hold), {@code COMPLETED} twice, the disbursement pending (COMMITTING) until the provider's callback, or in another case
 * only its request state, settles it: COMMITTED, credited once. Payer: send-money and accept answer {@code 202
 * DEBIT_PENDING}, the callback settles the debit: COMMITTED, debited once; a customer who never approves, or declines,
 * leaves the transfer ABORTED with nothing debited. No API key or callback token reaches a log line.
 */
class MobileMoneyPluginIT {

    private static final String PAYEE = "mm-op-a";
    private static final String PAYER = "mm-pay";
    private static final String KEY_PAYEE = "api-key-of-the-payee-tenant-3f1a";
    private static final String KEY_PAYER = "api-key-of-the-payer-tenant-8c2e";
    private static final Path JAR = Path.of("target", "test-plugins", "mobile-money-1.0.0.jar");
    private static final Path README = Path.of("..", "plugins", "mobile-money", "README.md");
    private static final String BOB = MobileMoneySimulator.BOB.msisdn();
    private static final String ALICE = MobileMoneySimulator.ALICE.msisdn();

    private static MobileMoneySimulator operator;
    private static MobileMoneySimulator payerOperator;
    private static OutboundSimulator connector;
    private static TestGateway gateway;
    private static LogCapture logs;

    @BeforeAll
    static void startGatewayWithTheMobileMoneyPlugin() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run the reactor build first: " + JAR.toAbsolutePath() + " is missing");
        logs = LogCapture.start();
        Logger.getLogger("io.coregate").setLevel(Level.ALL);
        Path secrets = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-secrets")), "mm").toAbsolutePath();
        Files.writeString(secrets.resolve(PAYEE + "-apiKey"), KEY_PAYEE);
        Files.writeString(secrets.resolve(PAYER + "-apiKey"), KEY_PAYER);
        operator = MobileMoneySimulator.start(KEY_PAYEE).settleAfter(Duration.ofMillis(1200));
        payerOperator = MobileMoneySimulator.start(KEY_PAYER).settleAfter(Duration.ofMillis(1200));
        connector = OutboundSimulator.start();
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.secrets-dir", secrets.toString(),
            "transfers.reconcile.interval-seconds", "1", "transfers.reconcile.base-delay-millis", "200",
            "transfers.reconcile.max-delay-seconds", "1"));
        Files.copy(JAR, Plugins.dropIn(gateway).resolve(JAR.getFileName()));
        var loaded = Plugins.await(gateway, e -> Plugins.version("mobile-money", "1.0.0").test(e) && "STARTED".equals(e.get("state")),
            Duration.ofSeconds(10));
        assertEquals("dropped", loaded.get("source"));
        var payee = gateway.admin().put("/admin/tenants/" + PAYEE, readmeTenant(operator, secrets));
        assertEquals(201, payee.status(), payee.body());
        var payer = gateway.admin().put("/admin/tenants/" + PAYER, payerTenant(payerOperator, secrets));
        assertEquals(201, payer.status(), payer.body());
    }

    @AfterAll
    static void stop() {
        logs.close();
        if (gateway != null) {
            gateway.close();
        }
        operator.close();
        payerOperator.close();
        connector.close();
    }

    @Test
    void theReadmeTenantIsCreditedOnceWhenTheProvidersCallbackSettlesThePendingDisbursement() {
        operator.mode(BOB, MobileMoneySimulator.Mode.CALLBACK);
        var backend = new Backend(gateway, PAYEE);
        var party = backend.get("/parties/MSISDN/" + BOB);
        assertEquals(200, party.status(), party.body());
        assertEquals("Bob Phiri", party.field("displayName"), "a name given only as fullName makes a party");
        assertEquals("mmopa", party.field("fspId"));
        assertNotEquals(200, backend.get("/parties/MSISDN/" + MobileMoneySimulator.CAROL.msisdn()).status(), "Carol's wallet is unavailable");

        BigDecimal bobBefore = operator.simulator().ledger().balance(BOB);
        String transferId = reserve(backend, BOB, "100");
        assertEquals(0, operator.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).stream()
            .filter(e -> e.body().contains(transferId)).count(), "a wallet cannot hold: the reservation calls nothing");
        for (int notification = 0; notification < 2; notification++) {
            var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
            assertEquals(200, completed.status(), completed.body());
        }
        assertEquals("COMMITTING", admin(PAYEE, transferId).get("state"), "visible while the provider has not settled it");

        String state = Poll.last(Duration.ofSeconds(20), () -> (String) admin(PAYEE, transferId).get("state"), "COMMITTED"::equals);
        assertEquals("COMMITTED", state);
        assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));
        List<Posting> credits = operator.postings(transferId);
        assertEquals(1, credits.size(), "one disbursement: " + operator.simulator().ledger().postings());
        assertEquals(MobileMoneySimulator.DISBURSEMENT, credits.getFirst().debitAccount());
        assertEquals(0, bobBefore.add(new BigDecimal("100")).compareTo(operator.simulator().ledger().balance(BOB)), "Bob credited once");
        assertTrue(operator.callbacks().stream().anyMatch(c -> c.subPath().startsWith("transactions/" + transferId) && c.status() == 200),
            "the provider called back and the gateway took it: " + operator.callbacks());
        String posted = operator.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).stream()
            .filter(e -> e.body().contains(transferId)).findFirst().orElseThrow().path();
        assertTrue(posted.endsWith("/transactions/type/disbursement"), posted);
        assertTrue(String.valueOf(admin(PAYEE, transferId).get("cbsReference")).startsWith("MM"), "the transaction's reference: "
            + admin(PAYEE, transferId));
        assertEquals(List.of(), operator.simulator().ledger().violations());
    }

    @Test
    void aDisbursementThatIsNeverCalledBackIsSettledByPollingItsRequestState() {
        operator.mode(BOB, MobileMoneySimulator.Mode.POLLING);
        var backend = new Backend(gateway, PAYEE);
        BigDecimal bobBefore = operator.simulator().ledger().balance(BOB);
        int polls = operator.simulator().journal().of(MobileMoneySimulator.REQUEST_STATES).size();
        String transferId = reserve(backend, BOB, "25");
        assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals("COMMITTING", admin(PAYEE, transferId).get("state"));
        String state = Poll.last(Duration.ofSeconds(20), () -> (String) admin(PAYEE, transferId).get("state"), "COMMITTED"::equals);
        assertEquals("COMMITTED", state);
        assertEquals(1, operator.postings(transferId).size());
        assertEquals(0, bobBefore.add(new BigDecimal("25")).compareTo(operator.simulator().ledger().balance(BOB)), "Bob credited once");
        assertTrue(operator.callbacks().stream().noneMatch(c -> c.subPath().startsWith("transactions/" + transferId)), "no callback came");
        assertTrue(operator.simulator().journal().of(MobileMoneySimulator.REQUEST_STATES).size() > polls, "settled by polling");
        assertEquals(List.of(), operator.simulator().ledger().violations());
    }

    @Test
    void callbacksThatComeTwiceOrBeforeThe202StillCreditOnce() {
        var backend = new Backend(gateway, PAYEE);
        for (var mode : List.of(MobileMoneySimulator.Mode.CALLBACK_TWICE, MobileMoneySimulator.Mode.CALLBACK_EARLY)) {
            operator.mode(BOB, mode);
            BigDecimal bobBefore = operator.simulator().ledger().balance(BOB);
            String transferId = reserve(backend, BOB, "10");
            assertEquals(200, backend.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
            String state = Poll.last(Duration.ofSeconds(20), () -> (String) admin(PAYEE, transferId).get("state"), "COMMITTED"::equals);
            assertEquals("COMMITTED", state, mode + ": " + admin(PAYEE, transferId));
            assertEquals(1, operator.postings(transferId).size(), mode + ": one disbursement");
            assertEquals(0, bobBefore.add(BigDecimal.TEN).compareTo(operator.simulator().ledger().balance(BOB)), mode + ": Bob credited once");
            long calledBack = operator.callbacks().stream().filter(c -> c.subPath().startsWith("transactions/" + transferId)).count();
            assertEquals(mode == MobileMoneySimulator.Mode.CALLBACK_TWICE ? 2 : 1, calledBack, mode + ": " + operator.callbacks());
        }
        assertEquals(List.of(), operator.simulator().ledger().violations());
    }

    @Test
    void aPayersDebitIsPendingUntilTheCallbackThenCommittedAndDebitedOnce() {
        payerOperator.mode(ALICE, MobileMoneySimulator.Mode.CALLBACK);
        Http channel = channel();
        BigDecimal alice = payerOperator.simulator().ledger().balance(ALICE);
        String home = Payers.home();
        var quote = channel.post("/" + PAYER + "/send-money", sendMoney(home, "100"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var accepted = channel.put("/" + PAYER + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("DEBIT_PENDING", accepted.field("currentState"), accepted.body());
        String state = Poll.last(Duration.ofSeconds(20), () -> transferState(channel, transferId), MobileMoneyPluginIT::settled);
        assertEquals("COMMITTED", state);
        var debits = payerOperator.postings(transferId);
        assertEquals(1, debits.size(), "one debit: " + payerOperator.simulator().ledger().postings());
        assertEquals(MobileMoneySimulator.COLLECTION, debits.getFirst().creditAccount());
        assertEquals(0, alice.subtract(new BigDecimal("100")).compareTo(payerOperator.simulator().ledger().balance(ALICE)), "debited once");
        assertTrue(payerOperator.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).stream()
            .anyMatch(e -> e.body().contains(transferId) && e.path().endsWith("/transactions/type/transfer")), "a TRANSFER is a transfer");
        assertEquals(List.of(), payerOperator.simulator().ledger().violations());
    }

    @Test
    void aCustomerWhoNeverApprovesTheMerchantPaymentLeavesItAbortedWithNothingDebited() {
        payerOperator.mode(ALICE, MobileMoneySimulator.Mode.APPROVAL);
        Http channel = channel();
        BigDecimal alice = payerOperator.simulator().ledger().balance(ALICE);
        String home = Payers.home();
        var body = new LinkedHashMap<>(Payers.merchantPayment(home, Payers.MARY, "40"));
        body.put("payer", Map.of("name", "Alice Banda", "payerId", ALICE));
        var quote = channel.post("/" + PAYER + "/merchant-payment", body);
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var accepted = channel.put("/" + PAYER + "/merchant-payment/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("DEBIT_PENDING", transferState(channel, transferId));
        assertTrue(payerOperator.awaitsApproval(transferId), "the merchant payment waits for the customer");
        assertTrue(payerOperator.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).stream()
            .anyMatch(e -> e.body().contains(transferId) && e.path().endsWith("/transactions/type/merchantpay")), "a PAYMENT is a merchantpay");
        payerOperator.expire(transferId);
        String state = Poll.last(Duration.ofSeconds(20), () -> transferState(channel, transferId), MobileMoneyPluginIT::settled);
        assertEquals("ABORTED", state);
        assertEquals(0, alice.compareTo(payerOperator.simulator().ledger().balance(ALICE)), "nothing debited");
        assertEquals(List.of(), payerOperator.postings(transferId));
        assertEquals(List.of(), payerOperator.simulator().ledger().violations());
    }

    @Test
    void aCustomerWhoDeclinesLeavesTheTransferAbortedWithNothingDebited() {
        payerOperator.mode(ALICE, MobileMoneySimulator.Mode.APPROVAL);
        Http channel = channel();
        BigDecimal alice = payerOperator.simulator().ledger().balance(ALICE);
        String home = Payers.home();
        var quote = channel.post("/" + PAYER + "/send-money", sendMoney(home, "30"));
        assertEquals(200, quote.status(), quote.body());
        String transferId = quote.field("transferId");
        var accepted = channel.put("/" + PAYER + "/send-money/" + transferId, Map.of("acceptQuote", true, "homeTransactionId", home));
        assertEquals(202, accepted.status(), accepted.body());
        payerOperator.decline(transferId);
        String state = Poll.last(Duration.ofSeconds(20), () -> transferState(channel, transferId), MobileMoneyPluginIT::settled);
        assertEquals("ABORTED", state);
        assertEquals(0, alice.compareTo(payerOperator.simulator().ledger().balance(ALICE)), "nothing debited");
        assertEquals(List.of(), payerOperator.postings(transferId));
    }

    @Test
    void noApiKeyOrCallbackTokenReachesALogLine() {
        var tenant = gateway.admin().get("/admin/tenants/" + PAYEE);
        String callbackUrl = String.valueOf(tenant.json().get("callbackUrl"));
        assertTrue(callbackUrl.contains("/callbacks/"), "the tenant's callback URL: " + tenant.body());
        String token = callbackUrl.substring(callbackUrl.indexOf("/callbacks/") + "/callbacks/".length()).replaceAll("/.*$", "");
        new Backend(gateway, PAYEE).get("/parties/MSISDN/" + BOB);
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("mobile") || l.contains("/mm/v1.2")), "the plugin's calls were logged: " + lines.size());
        for (String line : lines) {
            for (String secret : List.of(KEY_PAYEE, KEY_PAYER, token)) {
                assertFalse(line.contains(secret), "a secret in a log line: " + line);
            }
        }
    }

    private static Http channel() {
        var key = gateway.admin().post("/admin/tenants/" + PAYER + "/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        return gateway.dfsp().with("X-API-Key", key.field("apiKey"));
    }

    private static Map<String, Object> sendMoney(String home, String amount) {
        var body = new LinkedHashMap<>(Payers.sendMoney(home, Payers.MARY, amount));
        body.put("payer", Map.of("name", "Alice Banda", "payerId", ALICE, "payerIdType", "MSISDN"));
        return body;
    }

    private static String transferState(Http channel, String transferId) {
        var found = channel.get("/" + PAYER + "/transfers/" + transferId);
        assertEquals(200, found.status(), found.body());
        return found.field("transferState");
    }

    /** A state the transfer stays in without the gateway doing more (DEBIT_PENDING and DEBITED are on the way). */
    private static boolean settled(String state) {
        return !"DEBIT_PENDING".equals(state) && !"DEBITED".equals(state);
    }

    private static Map<String, Object> admin(String tenant, String transferId) {
        var response = gateway.admin().get("/admin/tenants/" + tenant + "/transfers/" + transferId);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** Looks the payee up, quotes and prepares {@code amount} to them; answers the transfer id, RESERVED. */
    private static String reserve(Backend backend, String msisdn, String amount) {
        var quoteRequest = Payee.quote(Payee.id(), msisdn, "SEND", amount);
        quoteRequest.put("to", Payee.party("MSISDN", msisdn, "mmopa"));
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());
        String transferId = Payee.id();
        var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, reserved.status(), reserved.body());
        assertEquals("RESERVED", reserved.field("transferState"), reserved.body());
        return transferId;
    }

    /** Exactly the README's tenant document, pointed at this provider and this secrets directory. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readmeTenant(MobileMoneySimulator provider, Path secrets) throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Tenant document.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README's tenant document");
        String document = block.group(1).replace("https://mm.operator.test", provider.simulator().baseUri().toString())
            .replace("/etc/coregate/tenant-secrets", secrets.toString());
        return Http.JSON.readValue(document, LinkedHashMap.class);
    }

    /** The payer tenant: the README's document on its own provider, its channel's Connector the simulator, no send fee. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> payerTenant(MobileMoneySimulator provider, Path secrets) throws IOException {
        var doc = readmeTenant(provider, secrets);
        doc.put("dfspId", "mmpay");
        var cbs = (Map<String, Object>) doc.get("cbs");
        cbs.put("secrets", Map.of("apiKey", "file:" + secrets.resolve(PAYER + "-apiKey")));
        doc.put("sdk", Map.of("outboundUrl", connector.url() + "/"));
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", "1000", "alarmPercent", 80)));
        doc.put("fees", Map.of("send", Map.of("percent", "0", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
        return doc;
    }
}
