package io.coregate.gateway.http;

import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operators' liquidity API: balances, limits, adjustments, journal, check, audit, and the tenant document's limits. */
class LiquidityAdminIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("ledger.sweep-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> withLiquidity(String dfspId, String limit, int alarmPercent) {
        var doc = Tenants.standard(dfspId);
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", limit, "alarmPercent", alarmPercent)));
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> zmw(String tenant) {
        var response = gateway.admin().get("/admin/tenants/" + tenant + "/liquidity");
        assertEquals(200, response.status(), response.body());
        var rows = (List<Map<String, Object>>) response.json().get("liquidity");
        return rows.stream().filter(r -> "ZMW".equals(r.get("currency"))).findFirst().orElseThrow();
    }

    private static Http.Response adjust(String tenant, String type, String amount, String reference) {
        return gateway.admin().post("/admin/tenants/" + tenant + "/liquidity/ZMW/adjustments",
            Map.of("type", type, "amount", amount, "reference", reference));
    }

    @Test
    void everyLiquidityRouteNeedsTheAdminToken() {
        gateway.admin().put("/admin/tenants/auth-bank", Tenants.standard("authBank"));
        var anonymous = gateway.anonymousAdmin();
        assertEquals(401, anonymous.get("/admin/tenants/auth-bank/liquidity").status());
        assertEquals(401, anonymous.put("/admin/tenants/auth-bank/liquidity/ZMW", Map.of("limit", "1")).status());
        assertEquals(401, anonymous.post("/admin/tenants/auth-bank/liquidity/ZMW/adjustments", Map.of()).status());
        assertEquals(401, anonymous.get("/admin/tenants/auth-bank/liquidity/ZMW/journal").status());
        assertEquals(401, anonymous.get("/admin/ledger/check").status());
        assertEquals("3000", anonymous.with("Authorization", "Bearer wrong").get("/admin/ledger/check").field("statusCode"));
    }

    @Test
    void aTenantWithoutLiquidityHasLimitZeroAndTheDocumentSetsLimitAndAlarm() {
        gateway.admin().put("/admin/tenants/plain-bank", Tenants.standard("plainBank"));
        var plain = zmw("plain-bank");
        assertEquals("0", plain.get("limit"));
        assertEquals("0", plain.get("available"));
        assertEquals(false, plain.get("alarm"));
        assertEquals(201, gateway.admin().put("/admin/tenants/doc-bank", withLiquidity("docBank", "5000.00", 20)).status());
        var doc = zmw("doc-bank");
        assertEquals("5000.00", doc.get("limit"));
        assertEquals(20, doc.get("alarmPercent"));
        assertEquals("0", doc.get("reserved"));
        assertEquals("0", doc.get("position"));
    }

    @Test
    void reSendingAnUnchangedDocumentKeepsAdjustmentsButAChangedLimitApplies() {
        gateway.admin().put("/admin/tenants/keep-bank", withLiquidity("keepBank", "1000", 10));
        assertEquals(201, adjust("keep-bank", "FUNDS_IN", "250.50", "dep-1").status());
        assertEquals(200, gateway.admin().put("/admin/tenants/keep-bank", withLiquidity("keepBank", "1000", 10)).status());
        assertEquals("1250.50", zmw("keep-bank").get("limit"));
        gateway.admin().put("/admin/tenants/keep-bank", withLiquidity("keepBank", "3000", 10));
        assertEquals("3000", zmw("keep-bank").get("limit"));
    }

    @Test
    void putSetsLimitAndAlarmAndIsAudited() {
        gateway.admin().put("/admin/tenants/put-bank", Tenants.standard("putBank"));
        var body = new LinkedHashMap<String, Object>();
        body.put("limit", "750000.00");
        body.put("alarmPercent", 15);
        body.put("maxPerTransfer", "5000");
        var response = gateway.adminAs("ops-mary").put("/admin/tenants/put-bank/liquidity/ZMW", body);
        assertEquals(200, response.status(), response.body());
        assertEquals("750000.00", response.field("limit"));
        assertEquals("750000.00", response.field("available"));
        assertEquals("5000", response.field("maxPerTransfer"));
        var audit = gateway.admin().get("/admin/tenants/put-bank/audit").body();
        assertTrue(audit.contains("liquidity.limit") && audit.contains("ops-mary") && audit.contains("750000.00"), audit);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidRequestsListEveryProblem() {
        gateway.admin().put("/admin/tenants/bad-bank", Tenants.standard("badBank"));
        var bad = new LinkedHashMap<String, Object>();
        bad.put("limit", "12.3.4");
        bad.put("alarmPercent", 150);
        bad.put("colour", "red");
        var response = gateway.admin().put("/admin/tenants/bad-bank/liquidity/ZMW", bad);
        assertEquals(400, response.status(), response.body());
        assertEquals("3100", response.field("statusCode"));
        var fields = ((List<Map<String, String>>) response.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("colour", "limit", "alarmPercent"), fields);
        assertEquals(400, gateway.admin().put("/admin/tenants/bad-bank/liquidity/ZMW", Map.of("limit", 100)).status());
        var currency = gateway.admin().put("/admin/tenants/bad-bank/liquidity/USD", Map.of("limit", "1"));
        assertEquals(400, currency.status());
        assertTrue(currency.body().contains("not one of tenant"), currency.body());
        assertEquals(404, gateway.admin().put("/admin/tenants/no-bank/liquidity/ZMW", Map.of("limit", "1")).status());
        assertEquals(404, gateway.admin().get("/admin/tenants/no-bank/liquidity").status());
        var adjustment = gateway.admin().post("/admin/tenants/bad-bank/liquidity/ZMW/adjustments", Map.of("type", "GIFT", "amount", "-5"));
        assertEquals(400, adjustment.status());
        var adjustmentFields = ((List<Map<String, String>>) adjustment.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("type", "amount", "reference"), adjustmentFields);
        var malformed = gateway.admin().send("POST", "/admin/tenants/bad-bank/liquidity/ZMW/adjustments", "application/json",
            "{\"type\":".getBytes());
        assertEquals("3101", malformed.field("statusCode"));
    }

    @Test
    void adjustmentsAnswer201ThenReplay200AndAreJournaledAndAudited() {
        gateway.admin().put("/admin/tenants/adj-bank", withLiquidity("adjBank", "1000.00", 10));
        var created = adjust("adj-bank", "FUNDS_IN", "500.00", "dep-42");
        assertEquals(201, created.status(), created.body());
        assertEquals("true", created.field("applied"));
        var replay = adjust("adj-bank", "FUNDS_IN", "500.00", "dep-42");
        assertEquals(200, replay.status());
        assertEquals("false", replay.field("applied"));
        assertEquals("3106", adjust("adj-bank", "FUNDS_IN", "501.00", "dep-42").field("statusCode"));
        assertEquals(201, adjust("adj-bank", "SETTLEMENT", "100", "settle-1").status());
        var tooMuch = adjust("adj-bank", "FUNDS_OUT", "9999", "wd-1");
        assertEquals(400, tooMuch.status());
        assertTrue(tooMuch.body().contains("would leave available"), tooMuch.body());
        var balance = zmw("adj-bank");
        assertEquals("1400.00", balance.get("limit"));
        assertEquals("-100", balance.get("position"));
        assertEquals("1500.00", balance.get("available"));
        for (String limit : java.util.List.of("0", "5000", "x")) {
            var refused = gateway.admin().get("/admin/tenants/adj-bank/liquidity/ZMW/journal?limit=" + limit);
            assertEquals(400, refused.status(), "limit " + limit + ": " + refused.body());
            assertTrue(refused.body().contains("limit"), refused.body());
        }
        var journal = gateway.admin().get("/admin/tenants/adj-bank/liquidity/ZMW/journal?limit=2").body();
        assertTrue(journal.contains("\"operation\":\"SETTLEMENT\"") && journal.contains("\"operation\":\"FUNDS_IN\""), journal);
        assertTrue(journal.contains("\"before\":{\"limit\":\"1500.00\""), journal);
        assertTrue(journal.contains("\"operation\":\"SETTLEMENT\",\"stripe\":0,"), journal);
        var audit = gateway.admin().get("/admin/tenants/adj-bank/audit").body();
        assertTrue(audit.contains("liquidity.adjustment") && audit.contains("dep-42"), audit);
        var check = gateway.admin().get("/admin/ledger/check");
        assertEquals(200, check.status());
        assertEquals("true", check.field("consistent"), check.body());
    }

    @Test
    void theAlarmIsAGaugeAndHealthDetailButNeverUnreadiness() throws InterruptedException {
        gateway.admin().put("/admin/tenants/low-bank", withLiquidity("lowBank", "100", 50));
        assertEquals("false", String.valueOf(zmw("low-bank").get("alarm")));
        // What the payer flow will do: hold liquidity for sends (through the ledger's port, as the flow does).
        var ledger = new JdbcLedger(new Jdbc(gateway.dataSource()), balance -> { });
        ledger.reserve(new TenantId("low-bank"), Money.of("80", "ZMW"), "send-1", Instant.now().plusSeconds(3_600));
        var balance = zmw("low-bank");
        assertEquals("20", balance.get("available"));
        assertEquals(true, balance.get("alarm"));
        String metrics = Poll.last(Duration.ofSeconds(10), () -> gateway.admin().with("Accept", "text/plain").get("/observe/metrics").body(),
            body -> body.matches("(?s).*coregate_liquidity_alarm\\{[^}]*tenant=\"low-bank\"[^}]*} 1\\.0.*"));
        assertTrue(metrics.matches("(?s).*coregate_liquidity_alarm\\{[^}]*tenant=\"low-bank\"[^}]*} 1\\.0.*"), "alarm gauge missing");
        String health = gateway.admin().get("/observe/health").body();
        assertTrue(health.contains("low-bank/ZMW") && health.contains("ALARM"), health);
        assertEquals(200, gateway.anonymousAdmin().get("/observe/health/ready").status());
    }
}
