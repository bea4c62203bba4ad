package io.coregate.gateway.callbacks;

import io.coregate.gateway.domain.cbs.SettledCallback;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CBS callback route on port 3004 against a real gateway and database: token, storage, reading, replicas, the sandbox calling back. */
class CallbackRouteIT {

    private static final String BANK = "cb-bank";
    private static final String OTHER = "cb-other";
    private static final String EARLY = "cb-early";

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        var settings = new HashMap<String, Object>();
        settings.put("accounts", Tenants.standardAccounts());
        settings.put("async", Map.of("operations", List.of("debit"), "settleAfterMillis", 100, "via", "callback"));
        assertEquals(201, gateway.admin().put("/admin/tenants/" + BANK, Tenants.sandbox("cbBank", settings)).status());
        assertEquals(201, gateway.admin().put("/admin/tenants/" + OTHER, Tenants.standard("cbOther")).status());
        var early = new HashMap<String, Object>();
        early.put("accounts", Tenants.standardAccounts());
        early.put("async", Map.of("operations", List.of("debit"), "via", "callback", "callback", "before"));
        assertEquals(201, gateway.admin().put("/admin/tenants/" + EARLY, Tenants.sandbox("cbEarly", early)).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** The tenant's callback URL as the admin API shows it. */
    private static String callbackUrl(TestGateway on, String tenant) {
        var answer = on.admin().get("/admin/tenants/" + tenant);
        assertEquals(200, answer.status(), answer.body());
        return answer.field("callbackUrl");
    }

    /** The path of the tenant's callback URL on the dfsp listener. */
    private static String callbackPath(String tenant) {
        String url = callbackUrl(gateway, tenant);
        return url.substring(url.indexOf("/" + tenant + "/callbacks/"));
    }

    private static String sandboxBody(String reference, String state, String cbsReference) {
        return "{\"reference\":\"" + reference + "\",\"state\":\"" + state + "\",\"cbsReference\":\"" + cbsReference + "\"}";
    }

    private static Http.Response post(Http on, String path, String body) {
        return on.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static long stored(String tenant) {
        try (var connection = gateway.schema().connect();
             var statement = connection.prepareStatement("SELECT count(*) FROM cbs_callbacks WHERE tenant_id = ?")) {
            statement.setString(1, tenant);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedInAll() {
        return stored(BANK) + stored(OTHER) + stored("nobody");
    }

    private static Optional<SettledCallback> settled(String tenant, String reference) {
        return gateway.callbacks().settled(new TenantId(tenant), reference);
    }

    @Test
    void aTenantsCallbackUrlNamesItsTokenAndKeepsItAcrossRevisions() {
        String url = callbackUrl(gateway, BANK);
        assertTrue(url.matches("http://localhost:" + gateway.gateway().dfspPort() + "/" + BANK + "/callbacks/[A-Za-z0-9_-]{32}"), url);
        assertFalse(url.equals(callbackUrl(gateway, OTHER)));
        var settings = Map.<String, Object>of("accounts", Tenants.standardAccounts(), "quoteFee", "1.00");
        assertEquals(200, gateway.admin().put("/admin/tenants/" + OTHER, Tenants.sandbox("cbOther", settings)).status());
        String before = callbackUrl(gateway, OTHER);
        assertEquals(200, gateway.admin().put("/admin/tenants/" + OTHER, Tenants.standard("cbOther")).status());
        assertEquals(before, callbackUrl(gateway, OTHER));
    }

    @Test
    void aWrongTokenAnUnknownTenantOrAnotherTenantsTokenIs404AndStoresNothing() {
        long before = storedInAll();
        String token = callbackPath(BANK).substring(("/" + BANK + "/callbacks/").length());
        String otherToken = callbackPath(OTHER).substring(("/" + OTHER + "/callbacks/").length());
        String body = sandboxBody("SBA-wrong", "COMPLETED", "SB-1");
        for (String path : List.of("/" + BANK + "/callbacks/" + token.substring(1) + "x/sandbox", "/" + BANK + "/callbacks/x",
                "/nobody/callbacks/" + token + "/sandbox", "/" + BANK + "/callbacks/" + otherToken + "/sandbox")) {
            var answer = post(gateway.dfsp(), path, body);
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertEquals("3200", answer.field("statusCode"), answer.body());
            assertFalse(answer.body().contains(token) || answer.body().contains(otherToken), answer.body());
        }
        assertEquals(before, storedInAll());
        assertEquals(Optional.empty(), settled(BANK, "SBA-wrong"));
    }

    @Test
    void aCallbackNeedsNoApiKeyAndIsStoredThenReadByTheTenantsAdapter() {
        String reference = "SBA-" + UUID.randomUUID();
        var answer = post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", sandboxBody(reference, "COMPLETED", "SB-cb-bank-9"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{}", answer.body());
        SettledCallback found = settled(BANK, reference).orElseThrow();
        assertEquals(new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of("SB-cb-bank-9")), found.status());
        assertEquals(Optional.empty(), settled(OTHER, reference), "one tenant's callbacks are not another's");
    }

    @Test
    void aDuplicateIsHarmlessAndAPendingCallbackSettlesNothing() {
        String reference = "SBA-" + UUID.randomUUID();
        assertEquals(200, post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", sandboxBody(reference, "PENDING", "")).status());
        assertEquals(Optional.empty(), settled(BANK, reference));
        assertEquals(200, post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", sandboxBody(reference, "FAILED", "")).status());
        SettledCallback first = settled(BANK, reference).orElseThrow();
        assertEquals(200, post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", sandboxBody(reference, "FAILED", "")).status());
        SettledCallback again = settled(BANK, reference).orElseThrow();
        assertEquals(first.status(), again.status());
        assertEquals(TransactionStatus.State.FAILED, again.state());
    }

    @Test
    void aCallbackPostedToAnotherReplicaIsFoundByThisOne() {
        String reference = "SBA-" + UUID.randomUUID();
        try (TestGateway replica = TestGateway.start(gateway.schema(), Map.of())) {
            assertEquals(callbackUrl(gateway, BANK).replace(":" + gateway.gateway().dfspPort() + "/", "/"),
                callbackUrl(replica, BANK).replace(":" + replica.gateway().dfspPort() + "/", "/"), "one token on every replica");
            var answer = post(replica.dfsp(), callbackPath(BANK) + "/sandbox", sandboxBody(reference, "COMPLETED", "SB-r-1"));
            assertEquals(200, answer.status(), answer.body());
        }
        assertEquals(Optional.of("SB-r-1"), settled(BANK, reference).orElseThrow().cbsReference());
    }

    @Test
    void aBodyThatIsNotJsonOrHoldsANulIsStoredUnreadAndAnOversizedOneIsRefusedUnstored() {
        long before = stored(BANK);
        var notJson = gateway.dfsp().send("PUT", callbackPath(BANK) + "/sandbox", "text/plain", "<xml>nope</xml>".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, notJson.status(), notJson.body());
        var nul = post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", "{\"reference\":\"a\u0000b\"}");
        assertEquals(200, nul.status(), nul.body());
        var empty = gateway.dfsp().get(callbackPath(BANK));
        assertEquals(200, empty.status(), empty.body());
        assertEquals(before + 3, stored(BANK));
        var listed = gateway.admin().get("/admin/tenants/" + BANK + "/callbacks?limit=3");
        assertEquals(200, listed.status(), listed.body());
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) listed.json().get("callbacks");
        assertEquals(List.of("GET", "POST", "PUT"), rows.stream().map(row -> row.get("method")).toList(), "newest first");
        assertTrue(rows.stream().allMatch(row -> row.get("reference") == null && row.get("detail") != null), rows.toString());
        assertEquals("<xml>nope</xml>", rows.get(2).get("body"));
        var oversized = post(gateway.dfsp(), callbackPath(BANK) + "/sandbox", "{\"pad\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, oversized.status(), oversized.body());
        assertEquals("3104", oversized.field("statusCode"));
        assertEquals(before + 3, stored(BANK));
        assertEquals(400, gateway.admin().get("/admin/tenants/" + BANK + "/callbacks?limit=0").status());
    }

    @Test
    void theSandboxCallsTheGatewayBackAndTheCallbackSettlesThePendingDebit() {
        var tenant = gateway.directory().resolve(BANK);
        String transferId = UUID.randomUUID().toString();
        var debit = new DebitRequest(transferId, PartyId.of("MSISDN", Payers.ALICE), Money.of("12.50", "ZMW"), Optional.empty());
        Outcome<Receipt> answer = gateway.adapters().call(tenant, "debit", adapter -> adapter.debit(debit));
        String reference = assertInstanceOf(Outcome.Pending.class, answer).cbsReference();
        Optional<SettledCallback> found = Poll.last(Duration.ofSeconds(10), () -> settled(BANK, reference), Optional::isPresent);
        assertTrue(found.isPresent(), "the sandbox's callback was stored and read");
        Outcome<TransactionStatus> status = gateway.adapters().call(tenant, "status", adapter -> adapter.status(transferId, Optional.of(reference)));
        TransactionStatus booked = assertInstanceOf(Outcome.Done.class, status).value() instanceof TransactionStatus s ? s : null;
        assertEquals(booked, found.get().status());
        assertEquals(TransactionStatus.State.COMPLETED, booked.state());
    }

    @Test
    void aCallbackThatArrivesBeforeThePendingAnswerIsAlreadyStoredWhenTheLegAsksForIt() {
        var tenant = gateway.directory().resolve(EARLY);
        String transferId = UUID.randomUUID().toString();
        var debit = new DebitRequest(transferId, PartyId.of("MSISDN", Payers.ALICE), Money.of("3.00", "ZMW"), Optional.empty());
        Outcome<Receipt> answer = gateway.adapters().call(tenant, "debit", adapter -> adapter.debit(debit));
        String reference = assertInstanceOf(Outcome.Pending.class, answer).cbsReference();
        SettledCallback found = settled(EARLY, reference).orElseThrow(() -> new AssertionError("not stored before the pending answer"));
        assertEquals(TransactionStatus.State.COMPLETED, found.state());
        assertTrue(found.cbsReference().isPresent());
    }
}
