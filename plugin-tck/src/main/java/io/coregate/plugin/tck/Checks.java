package io.coregate.plugin.tck;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.TransactionStatus;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/** Assertions on outcomes. Stateless. */
final class Checks {

    /** How long the contract polls a pending operation, as the host does within a bound. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(10);

    private Checks() {
    }

    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        return fail("expected done, got " + outcome);
    }

    static void assertFailed(Set<FailureKind> kinds, Outcome<?> outcome) {
        Outcome.Failed<?> failed = assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected a failure in " + kinds + ", got " + outcome);
        assertTrue(kinds.contains(failed.kind()), () -> "expected a failure in " + kinds + ", got " + failed);
        assertTrue(!failed.message().isBlank(), "a failure names its problem");
    }

    /** Done, pending, or failed with one of {@code kinds}. */
    static void assertDoneOr(Set<FailureKind> kinds, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Failed<?>) {
            assertFailed(kinds, outcome);
        }
    }

    static Outcome.Pending<?> assertPending(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Pending.class, outcome, () -> "expected pending, got " + outcome);
    }

    /** Polls {@code status} after each {@code checkAfter} until the operation is no longer pending, within a bound. */
    static TransactionStatus awaitSettled(Outcome.Pending<?> pending, Supplier<Outcome<TransactionStatus>> status) {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        Duration wait = pending.checkAfter();
        while (System.nanoTime() < deadline) {
            pause(wait);
            Outcome<TransactionStatus> answer = status.get();
            if (answer instanceof Outcome.Pending<TransactionStatus> still) {
                wait = still.checkAfter();
            } else if (done(answer).state() != TransactionStatus.State.PENDING) {
                return done(answer);
            } else {
                wait = wait.multipliedBy(2).plusMillis(10);
            }
        }
        return fail("still pending after " + SETTLE_BOUND + ": " + pending);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for a pending operation");
        }
    }
}
