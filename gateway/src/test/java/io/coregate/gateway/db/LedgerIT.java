package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.ledger.Adjustment;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LimitSettings;
import io.coregate.gateway.domain.ledger.Operation;
import io.coregate.gateway.domain.ledger.ReservationState;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static io.coregate.gateway.db.LedgerFixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ledger operation and refusal, and their idempotency, on real PostgreSQL. */
class LedgerIT {

    private static final Instant LATER = Instant.now().plus(1, ChronoUnit.HOURS);
    private static LedgerFixture fx;

    @BeforeAll
    static void start() {
        fx = new LedgerFixture(TestGateway.start());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void assertCode(String code, Executable call) {
        var e = assertThrows(GatewayException.class, call);
        assertEquals(code, e.code().code(), e.getMessage());
    }

    static void assertFigures(TenantId tenant, String limit, String position, String reserved, String available) {
        var b = fx.balance(tenant);
        assertEquals(0, new BigDecimal(limit).compareTo(b.limit()), "limit " + b);
        assertEquals(0, new BigDecimal(position).compareTo(b.position()), "position " + b);
        assertEquals(0, new BigDecimal(reserved).compareTo(b.reserved()), "reserved " + b);
        assertEquals(0, new BigDecimal(available).compareTo(b.available()), "available " + b);
    }

    @Test
    void reserveHoldsTheAmountAndJournalsBeforeAndAfter() {
        TenantId t = fx.tenantWithLimit("1000");
        LedgerResult result = fx.ledger.reserve(t, zmw("300.50"), "tr-1", LATER);
        assertTrue(result.applied());
        assertFigures(t, "1000", "0", "300.50", "699.50");
        var entry = fx.book.journal(t, "ZMW", 1).get(0);
        assertEquals(Operation.RESERVE, entry.operation());
        assertEquals("tr-1", entry.reference());
        assertEquals(0, entry.before().reserved().signum());
        assertEquals(0, new BigDecimal("300.50").compareTo(entry.after().reserved()));
        assertEquals(ReservationState.PENDING, fx.ledger.reservation(t, "tr-1").orElseThrow().state());
    }

    @Test
    void reserveThatDoesNotFitIsRefusedWith4001AndLeavesNothing() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("60"), "a", LATER);
        assertCode("4001", () -> fx.ledger.reserve(t, zmw("40.01"), "b", LATER));
        assertTrue(fx.ledger.reservation(t, "b").isEmpty());
        fx.ledger.reserve(t, zmw("40"), "c", LATER);
        assertFigures(t, "100", "0", "100", "0");
        assertCode("4001", () -> fx.ledger.reserve(t, zmw("0.01"), "d", LATER));
    }

    @Test
    void tenantWithoutALimitCannotReserveAnything() {
        TenantId t = LedgerFixture.freshTenant();
        assertCode("4001", () -> fx.ledger.reserve(t, zmw("1"), "x", LATER));
        assertTrue(fx.book.balances(t).isEmpty(), "a refusal creates no balance row");
    }

    @Test
    void reserveAboveThePerTransferMaximumIsRefusedWith4200() {
        TenantId t = LedgerFixture.freshTenant();
        fx.book.setLimit(t, "ZMW", new LimitSettings(new BigDecimal("1000"), 10, Optional.of(new BigDecimal("50"))), "test");
        assertCode("4200", () -> fx.ledger.reserve(t, zmw("50.01"), "big", LATER));
        assertTrue(fx.ledger.reserve(t, zmw("50"), "ok", LATER).applied());
    }

    @Test
    void invalidAmountsAndCurrenciesAreValidationErrors() {
        TenantId t = fx.tenantWithLimit("100");
        assertCode("3100", () -> fx.ledger.reserve(t, zmw("0"), "z", LATER));
        assertCode("3100", () -> fx.ledger.reserve(t, zmw("-1"), "z", LATER));
        assertCode("3100", () -> fx.ledger.reserve(t, zmw("1.00001"), "z", LATER));
        assertCode("3100", () -> fx.ledger.reserve(t, io.coregate.plugin.api.Money.of("1", "XYZ"), "z", LATER));
        assertCode("3100", () -> fx.ledger.reserve(t, zmw("1"), "", LATER));
    }

    @Test
    void repeatedReserveChangesNothingAndADifferentAmountIs3106() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("10"), "r", LATER);
        var again = fx.ledger.reserve(t, zmw("10.00"), "r", LATER);
        assertFalse(again.applied());
        assertTrue(again.message().contains("already reserved"), again.message());
        assertFigures(t, "100", "0", "10", "90");
        assertCode("3106", () -> fx.ledger.reserve(t, zmw("11"), "r", LATER));
    }

    @Test
    void postMovesReservedToPositionOnceAndSaysSoOnRepeat() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("30"), "p", LATER);
        assertTrue(fx.ledger.post(t, "p").applied());
        assertFigures(t, "100", "30", "0", "70");
        var again = fx.ledger.post(t, "p");
        assertFalse(again.applied());
        assertEquals("already posted", again.message());
        var voidAfterPost = fx.ledger.voidReservation(t, "p");
        assertFalse(voidAfterPost.applied());
        assertTrue(voidAfterPost.message().contains("nothing to void"), voidAfterPost.message());
        assertFigures(t, "100", "30", "0", "70");
    }

    @Test
    void voidReleasesOnceAndAVoidedReservationCannotBePosted() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("30"), "v", LATER);
        assertTrue(fx.ledger.voidReservation(t, "v").applied());
        assertFigures(t, "100", "0", "0", "100");
        assertEquals("already voided", fx.ledger.voidReservation(t, "v").message());
        assertCode("3303", () -> fx.ledger.post(t, "v"));
        assertCode("3200", () -> fx.ledger.post(t, "nobody"));
        assertCode("3200", () -> fx.ledger.voidReservation(t, "nobody"));
        assertFigures(t, "100", "0", "0", "100");
    }

    @Test
    void inboundLowersThePositionOnceAndADifferentAmountIs3106() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("50"), "out", LATER);
        fx.ledger.post(t, "out");
        var recorded = fx.ledger.inbound(t, zmw("20"), "in-1");
        assertTrue(recorded.applied());
        assertEquals(0, new BigDecimal("30").compareTo(recorded.balance().position()), "the balance after, as answered");
        assertEquals(0, new BigDecimal("70").compareTo(recorded.balance().available()), "the balance after, as answered");
        assertFigures(t, "100", "30", "0", "70");
        assertFalse(fx.ledger.inbound(t, zmw("20"), "in-1").applied());
        assertCode("3106", () -> fx.ledger.inbound(t, zmw("21"), "in-1"));
        assertFigures(t, "100", "30", "0", "70");
    }

    @Test
    void adjustmentsFollowDesignAndAreIdempotentOnTheirReference() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("40"), "s", LATER);
        fx.ledger.post(t, "s");
        assertTrue(fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.FUNDS_IN, new BigDecimal("50"), "dep-1"), "ops").applied());
        assertFigures(t, "150", "40", "0", "110");
        assertFalse(fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.FUNDS_IN, new BigDecimal("50"), "dep-1"), "ops").applied());
        assertCode("3106", () -> fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.FUNDS_OUT, new BigDecimal("50"), "dep-1"), "ops"));
        fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.SETTLEMENT, new BigDecimal("40"), "settle-1"), "ops");
        assertFigures(t, "110", "0", "0", "110");
        assertCode("3100", () -> fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.FUNDS_OUT, new BigDecimal("110.01"), "wd"), "ops"));
        fx.book.adjust(t, "ZMW", new Adjustment(Adjustment.Type.FUNDS_OUT, new BigDecimal("110"), "wd"), "ops");
        assertFigures(t, "0", "0", "0", "0");
        var operations = fx.book.journal(t, "ZMW", 10).stream().map(e -> e.operation()).toList();
        assertEquals(List.of(Operation.FUNDS_OUT, Operation.SETTLEMENT, Operation.FUNDS_IN, Operation.POST, Operation.RESERVE,
            Operation.SET_LIMIT), operations);
    }

    @Test
    void settingTheLimitNeverTouchesPositionOrReserved() {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("10"), "k1", LATER);
        fx.ledger.reserve(t, zmw("20"), "k2", LATER);
        fx.ledger.post(t, "k2");
        fx.book.setLimit(t, "ZMW", new LimitSettings(new BigDecimal("500"), 25, Optional.empty()), "ops");
        assertFigures(t, "500", "20", "10", "470");
        assertEquals(25, fx.balance(t).alarmPercent());
    }

    @Test
    void theCheckAgreesWithTheJournalAndFindsATamperedBalance() throws Exception {
        TenantId t = fx.tenantWithLimit("100");
        fx.ledger.reserve(t, zmw("10"), "c1", LATER);
        assertTrue(fx.book.check().stream().noneMatch(d -> d.tenant().equals(t)), fx.book.check().toString());
        try (var c = fx.gateway.schema().connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE liquidity_positions SET position = position + 5 WHERE tenant_id = '" + t.value() + "'");
        }
        var found = fx.book.check().stream().filter(d -> d.tenant().equals(t)).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("position", found.get(0).figure());
        assertEquals(0, new BigDecimal("5").compareTo(found.get(0).stored()));
        try (var c = fx.gateway.schema().connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE liquidity_positions SET position = position - 5 WHERE tenant_id = '" + t.value() + "'");
        }
    }

    @Test
    void theJournalIsAppendOnly() throws Exception {
        TenantId t = fx.tenantWithLimit("100");
        try (var c = fx.gateway.schema().connect(); var s = c.createStatement()) {
            var e = assertThrows(java.sql.SQLException.class,
                () -> s.executeUpdate("DELETE FROM liquidity_journal WHERE tenant_id = '" + t.value() + "'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }
}
