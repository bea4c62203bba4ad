package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.BOB;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FaultTest {

    @Test
    void faultWithTimesFailsThatManyCallsThenStopsAndBooksNothingMeanwhile() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "commitCredit", "kind", "UNAVAILABLE", "times", 2));
        assertFailed(FailureKind.UNAVAILABLE, adapter.commitCredit(creditToAlice("t1", "10")));
        assertFailed(FailureKind.UNAVAILABLE, adapter.commitCredit(creditToAlice("t1", "10")));
        assertAmount("5000", available(adapter, "SB-0001"));
        done(adapter.commitCredit(creditToAlice("t1", "10")));
        assertAmount("5010", available(adapter, "SB-0001"));
    }

    @Test
    void faultWithoutTimesFailsForever() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "lookupParty", "kind", "TIMEOUT"));
        for (int i = 0; i < 5; i++) {
            assertFailed(FailureKind.TIMEOUT, adapter.lookupParty(ALICE));
        }
    }

    @Test
    void faultFilteredByIdValueHitsOnlyThatCustomer() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "debit", "kind", "LIMIT_EXCEEDED", "idValue", BOB.idValue()));
        assertFailed(FailureKind.LIMIT_EXCEEDED, adapter.debit(debit("t1", BOB, "1")));
        done(adapter.debit(debit("t2", ALICE, "1")));
    }

    @Test
    void faultFilteredByAccountNoHitsOnlyThatAccount() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "balance", "kind", "UNAVAILABLE", "accountNo", "SB-0002"));
        assertFailed(FailureKind.UNAVAILABLE, adapter.balance("SB-0002", "ZMW"));
        done(adapter.balance("SB-0001", "ZMW"));
    }

    @Test
    void exceptionFaultThrowsLikeABuggyPlugin() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "status", "kind", "EXCEPTION"));
        assertThrows(IllegalStateException.class, () -> adapter.status("t1", Optional.empty()));
    }

    @Test
    void healthFaultReportsDown() {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "health", "kind", "UNAVAILABLE", "times", 1));
        assertFalse(adapter.health().up());
        assertTrue(adapter.health().up());
    }

    @Test
    @Timeout(10)
    void hangEndsPromptlyWithTimeoutWhenInterruptedAndKeepsTheInterruptFlag() throws InterruptedException {
        CoreBankingAdapter adapter = withFaults(Map.of("operation", "debit", "kind", "HANG"));
        assertEndsPromptlyOnInterrupt(() -> adapter.debit(debit("t1", ALICE, "10")));
        assertAmount("5000", available(adapter, "SB-0001"));
    }

    @Test
    void latencyDelaysEveryOperation() {
        CoreBankingAdapter adapter = Fixtures.adapter(Map.of("latencyMillis", 150));
        long start = System.nanoTime();
        done(adapter.lookupParty(ALICE));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 150);
    }

    @Test
    @Timeout(10)
    void latencyIsInterruptible() throws InterruptedException {
        CoreBankingAdapter adapter = Fixtures.adapter(Map.of("latencyMillis", 600_000));
        assertEndsPromptlyOnInterrupt(() -> adapter.lookupParty(ALICE));
    }

    private static CoreBankingAdapter withFaults(Map<String, Object> fault) {
        return Fixtures.adapter(Map.of("faults", List.of(fault)));
    }

    private static void assertEndsPromptlyOnInterrupt(Supplier<Outcome<?>> call) throws InterruptedException {
        AtomicReference<Outcome<?>> outcome = new AtomicReference<>();
        AtomicBoolean interruptFlag = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            outcome.set(call.get());
            interruptFlag.set(Thread.currentThread().isInterrupted());
        });
        while (caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(Duration.ofSeconds(2));
        assertFalse(caller.isAlive(), "the call did not end after the interrupt");
        assertFailed(FailureKind.TIMEOUT, outcome.get());
        assertTrue(interruptFlag.get(), "the interrupt flag was not restored");
    }
}
