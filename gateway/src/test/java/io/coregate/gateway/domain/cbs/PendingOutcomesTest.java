package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the host settles a pending CBS answer by polling status, within bounds. */
class PendingOutcomesTest {

    private static final Tenant TENANT = new Tenant(new TenantId("wallet"), Tenants.document(Tenants.standard("walletdfsp")), true, 1,
        Instant.now());
    private static final PendingOutcomes FAST = new PendingOutcomes(Duration.ofSeconds(2), 5, Duration.ofMillis(40));

    /** The CBS port answering scripted status outcomes, recording which reference was asked about. */
    private static final class ScriptedStatus implements CoreBanking {
        private final Iterator<Outcome<TransactionStatus>> answers;
        private final List<String> asked = new ArrayList<>();

        ScriptedStatus(List<Outcome<TransactionStatus>> answers) {
            this.answers = answers.iterator();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Outcome<T> call(Tenant tenant, String operation, Function<CoreBankingAdapter, Outcome<T>> call) {
            assertEquals("status", operation);
            asked.add(operation);
            return (Outcome<T>) answers.next();
        }
    }

    private static Outcome<TransactionStatus> status(TransactionStatus.State state, String reference) {
        return Outcome.done(new TransactionStatus(state, Optional.of(reference)));
    }

    @Test
    void pendingThatCompletesBecomesDoneWithTheCbsReference() {
        var cbs = new ScriptedStatus(List.of(status(TransactionStatus.State.PENDING, "corr-1"), status(TransactionStatus.State.COMPLETED,
            "txn-77")));
        var settled = FAST.settle(cbs, TENANT, "t1", Outcome.pending("corr-1", Duration.ofMillis(5)));
        assertEquals(Outcome.done(new Receipt("txn-77")), settled);
        assertEquals(2, cbs.asked.size());
    }

    @Test
    void pendingThatFailsBecomesRejected() {
        var cbs = new ScriptedStatus(List.of(status(TransactionStatus.State.FAILED, "corr-2")));
        var settled = FAST.settle(cbs, TENANT, "t2", Outcome.pending("corr-2", Duration.ofMillis(5)));
        assertEquals(FailureKind.REJECTED, assertInstanceOf(Outcome.Failed.class, settled).kind());
    }

    @Test
    void pendingThatNeverSettlesEndsAsTimeoutAfterAtMostMaxPolls() {
        var stillPending = status(TransactionStatus.State.PENDING, "corr-3");
        var cbs = new ScriptedStatus(List.of(stillPending, stillPending, stillPending, stillPending, stillPending, stillPending));
        long start = System.nanoTime();
        var settled = FAST.settle(cbs, TENANT, "t3", Outcome.pending("corr-3", Duration.ofMillis(5)));
        assertEquals(FailureKind.TIMEOUT, assertInstanceOf(Outcome.Failed.class, settled).kind());
        assertEquals(5, cbs.asked.size());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
    }

    @Test
    void budgetBoundsTheWaitEvenWhenTheCbsAsksForLongDelays() {
        var bounded = new PendingOutcomes(Duration.ofMillis(150), 100, Duration.ofSeconds(10));
        var cbs = new ScriptedStatus(List.of(Outcome.pending("corr-4", Duration.ofSeconds(60)), Outcome.pending("corr-4",
            Duration.ofSeconds(60))));
        var settled = bounded.settle(cbs, TENANT, "t4", Outcome.pending("corr-4", Duration.ofMillis(100)));
        assertEquals(FailureKind.TIMEOUT, assertInstanceOf(Outcome.Failed.class, settled).kind());
        assertTrue(cbs.asked.size() <= 2, "polled " + cbs.asked.size() + " times");
    }

    @Test
    void doneAndFailedOutcomesPassThrough() {
        var cbs = new ScriptedStatus(List.of());
        Outcome<Receipt> done = Outcome.done(new Receipt("r"));
        assertSame(done, FAST.settle(cbs, TENANT, "t5", done));
        assertTrue(cbs.asked.isEmpty());
    }
}
