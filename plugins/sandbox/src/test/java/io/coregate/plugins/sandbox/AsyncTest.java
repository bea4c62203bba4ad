package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.BOB;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CallbackHandler;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.api.TransactionStatus.State;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Money operations answered pending, settled later by polling or callback, the ledger kept right throughout. */
@Timeout(20)
class AsyncTest {

    private final CallbackCatcher catcher = CallbackCatcher.start();
    private final SandboxAdapterFactory factory = new SandboxAdapterFactory();

    @AfterEach
    void stop() {
        catcher.close();
    }

    private CoreBankingAdapter adapter(Map<String, Object> async) {
        return factory.create(Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("async", async)))
                .withCallbackUrl(catcher.baseUrl()));
    }

    private static Outcome.Pending<Receipt> pending(Outcome<Receipt> outcome) {
        return assertInstanceOf(Outcome.Pending.class, outcome, () -> "expected pending, got " + outcome);
    }

    private static TransactionStatus status(CoreBankingAdapter adapter, String transferId, String reference) {
        return done(adapter.status(transferId, Optional.of(reference)));
    }

    private static void await(Supplier<Boolean> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < until, "condition not met in time");
            Pause.sleep(Duration.ofMillis(20));
        }
    }

    @Test
    void aPendingDebitIsPendingUntilItSettlesThenCompletedWithTheBookingAndCallsBackOnce() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 300));
        Outcome.Pending<Receipt> answer = pending(adapter.debit(debit("t1", ALICE, "10")));
        assertEquals(Duration.ofMillis(300), answer.checkAfter());
        assertEquals(State.PENDING, status(adapter, "t1", answer.cbsReference()).state());
        assertAmount("5000", available(adapter, "SB-0001"));
        await(() -> status(adapter, "t1", answer.cbsReference()).state() == State.COMPLETED);
        TransactionStatus settled = status(adapter, "t1", answer.cbsReference());
        assertTrue(settled.cbsReference().orElseThrow().startsWith("SB-"), settled.toString());
        assertAmount("4990", available(adapter, "SB-0001"));
        await(() -> catcher.received().size() == 1);
        Pause.sleep(Duration.ofMillis(200));
        assertEquals(1, catcher.received().size());
        var callback = catcher.received().getFirst();
        assertEquals("/sandbox", callback.subPath());
        var match = ((CallbackHandler) adapter).match(callback).orElseThrow();
        assertEquals(answer.cbsReference(), match.reference());
        assertEquals(settled, match.status());
    }

    @Test
    void aRepeatedCallWhilePendingGetsTheSameReferenceAndAfterwardsTheBookingWhichIsMadeOnce() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 200, "via", "polling"));
        String reference = pending(adapter.debit(debit("t1", ALICE, "10"))).cbsReference();
        assertEquals(reference, pending(adapter.debit(debit("t1", ALICE, "10"))).cbsReference());
        await(() -> status(adapter, "t1", reference).state() == State.COMPLETED);
        Receipt again = done(adapter.debit(debit("t1", ALICE, "10")));
        assertEquals(status(adapter, "t1", reference).cbsReference(), Optional.of(again.cbsReference()));
        assertAmount("4990", available(adapter, "SB-0001"));
        Pause.sleep(Duration.ofMillis(100));
        assertEquals(List.of(), catcher.received(), "polling sends no callback");
    }

    @Test
    void outcomeFailedBooksNothingAndReportsFailed() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("commitCredit"), "settleAfterMillis", 50,
                "outcome", "FAILED"));
        done(adapter.reserveCredit(creditToAlice("t1", "10")));
        String reference = pending(adapter.commitCredit(creditToAlice("t1", "10"))).cbsReference();
        await(() -> status(adapter, "t1", reference).state() == State.FAILED);
        assertAmount("5000", available(adapter, "SB-0001"));
        assertFailed(FailureKind.REJECTED, adapter.commitCredit(creditToAlice("t1", "10")));
        await(() -> catcher.received().size() == 1);
        var match = ((CallbackHandler) adapter).match(catcher.received().getFirst()).orElseThrow();
        assertEquals(new TransactionStatus(State.FAILED, Optional.empty()), match.status());
    }

    @Test
    void aDebitTheBankCannotCoverNowIsRefusedAtOnce() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 20, "via", "polling"));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, adapter.debit(debit("t1", BOB, "1000")));
        assertAmount("100", available(adapter, "SB-0002"));
    }

    @Test
    void aBookingTheBankRefusesWhenItSettlesIsFailedNotBooked() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 100, "via", "polling"));
        String first = pending(adapter.debit(debit("t1", BOB, "80"))).cbsReference();
        String second = pending(adapter.debit(debit("t2", BOB, "80"))).cbsReference();
        await(() -> status(adapter, "t1", first).state() != State.PENDING && status(adapter, "t2", second).state() != State.PENDING);
        assertEquals(List.of(State.COMPLETED, State.FAILED), java.util.stream.Stream.of(status(adapter, "t1", first),
                status(adapter, "t2", second)).map(TransactionStatus::state).sorted().toList());
        assertAmount("20", available(adapter, "SB-0002"));
    }

    @Test
    void viaNeverStaysPendingAndBooksNothing() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 0, "via", "never"));
        String reference = pending(adapter.debit(debit("t1", ALICE, "10"))).cbsReference();
        Pause.sleep(Duration.ofMillis(300));
        assertEquals(State.PENDING, status(adapter, "t1", reference).state());
        assertEquals(State.PENDING, done(adapter.status("t1", Optional.empty())).state());
        assertAmount("5000", available(adapter, "SB-0001"));
        assertEquals(List.of(), catcher.received());
    }

    @Test
    void twiceSendsTheSameCallbackTwiceAndBooksOnce() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 10, "callback", "twice"));
        pending(adapter.debit(debit("t1", ALICE, "10")));
        await(() -> catcher.received().size() == 2);
        assertEquals(catcher.received().get(0).body(), catcher.received().get(1).body());
        assertAmount("4990", available(adapter, "SB-0001"));
    }

    @Test
    void beforeBooksAndCallsBackBeforeAnsweringPending() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 5000, "callback", "before"));
        String reference = pending(adapter.debit(debit("t1", ALICE, "10"))).cbsReference();
        assertEquals(1, catcher.received().size(), "the callback arrived before the answer");
        assertEquals(State.COMPLETED, status(adapter, "t1", reference).state());
        assertAmount("4990", available(adapter, "SB-0001"));
    }

    @Test
    void lostSendsNothingButStatusReportsTheOutcome() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "settleAfterMillis", 10, "callback", "lost"));
        String reference = pending(adapter.debit(debit("t1", ALICE, "10"))).cbsReference();
        await(() -> status(adapter, "t1", reference).state() == State.COMPLETED);
        Pause.sleep(Duration.ofMillis(200));
        assertEquals(List.of(), catcher.received());
    }

    @Test
    void theAccountsFilterSelectsOnlyThoseCustomers() {
        CoreBankingAdapter adapter = adapter(Map.of("operations", List.of("debit"), "accounts", List.of("SB-0002")));
        done(adapter.debit(debit("t1", ALICE, "10")));
        pending(adapter.debit(debit("t2", BOB, "10")));
    }

    @Test
    void theAdapterReadsOnlyItsOwnCallbacks() {
        var handler = (CallbackHandler) adapter(Map.of("operations", List.of("debit")));
        String body = "{\"reference\":\"SBA-1\",\"state\":\"COMPLETED\",\"cbsReference\":\"SB-x-1\"}";
        assertTrue(handler.match(new CallbackHandler.Callback("POST", "/sandbox", Map.of(), body)).isPresent());
        assertEquals(Optional.empty(), handler.match(new CallbackHandler.Callback("POST", "/other", Map.of(), body)));
        assertEquals(Optional.empty(), handler.match(new CallbackHandler.Callback("POST", "/sandbox", Map.of(), "not json")));
        assertEquals(Optional.empty(), handler.match(new CallbackHandler.Callback("POST", "/sandbox", Map.of(),
                "{\"reference\":\"SBA-1\",\"state\":\"DONE\"}")));
        assertEquals(Optional.empty(), handler.match(new CallbackHandler.Callback("POST", "/sandbox", Map.of(),
                "{\"reference\":\"SBA-1\",\"state\":\"FAILED\"} trailing")));
    }

    @Test
    void aLostResponseFaultBooksAndTimesOutAndStatusFindsTheBookingByTransferIdOrLegKey() {
        CoreBankingAdapter adapter = factory.create(Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("faults",
                List.of(Map.of("operation", "debit", "kind", "LOST_RESPONSE", "times", 1))))));
        assertFailed(FailureKind.TIMEOUT, adapter.debit(debit("t1", ALICE, "10")));
        assertAmount("4990", available(adapter, "SB-0001"));
        assertEquals(State.COMPLETED, done(adapter.status("t1", Optional.empty())).state());
        assertEquals(State.COMPLETED, done(adapter.status("t1", Optional.of("t1-debit"))).state());
        Receipt retry = done(adapter.debit(debit("t1", ALICE, "10")));
        assertEquals(done(adapter.status("t1", Optional.empty())).cbsReference(), Optional.of(retry.cbsReference()));
        assertAmount("4990", available(adapter, "SB-0001"));
    }

    @Test
    void invalidAsyncSettingsAreRefusedWithTheirKey() {
        FactoryTest.assertRejected("async.operations", () -> adapter(Map.of("operations", List.of("lookupParty"))));
        FactoryTest.assertRejected("async.operations", () -> adapter(Map.of("settleAfterMillis", 1)));
        FactoryTest.assertRejected("async.via", () -> adapter(Map.of("operations", List.of("debit"), "via", "pigeon")));
        FactoryTest.assertRejected("async.callback", () -> adapter(Map.of("operations", List.of("debit"), "callback", "thrice")));
        FactoryTest.assertRejected("async.outcome", () -> adapter(Map.of("operations", List.of("debit"), "outcome", "MAYBE")));
        FactoryTest.assertRejected("async.settleAfterMillis", () -> adapter(Map.of("operations", List.of("debit"),
                "settleAfterMillis", -1)));
        FactoryTest.assertRejected("faults[0]", () -> factory.create(Fixtures.context("t", Fixtures.settings(Map.of("faults",
                List.of(Map.of("operation", "lookupParty", "kind", "LOST_RESPONSE")))))));
        var problems = factory.validate(Fixtures.context("t", Fixtures.settings(Map.of("async",
                Map.of("operations", List.of("debit"), "via", "pigeon", "callback", "thrice")))));
        assertEquals(List.of("cbs.settings.async.via", "cbs.settings.async.callback"),
                problems.stream().map(io.coregate.plugin.api.SettingProblem::field).toList());
    }
}
