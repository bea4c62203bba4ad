package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.api.TransactionStatus.State;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTest {

    private final CoreBankingAdapter adapter = Fixtures.adapter();

    @Test
    void reservedCreditIsPendingAndCommittedCreditIsCompleted() {
        Receipt receipt = done(adapter.reserveCredit(creditToAlice("t1", "10")));
        assertStatus(State.PENDING, receipt, "t1");
        done(adapter.commitCredit(creditToAlice("t1", "10")));
        assertStatus(State.COMPLETED, receipt, "t1");
    }

    @Test
    void releasedCreditIsFailed() {
        Receipt receipt = done(adapter.reserveCredit(creditToAlice("t1", "10")));
        done(adapter.releaseCredit(creditToAlice("t1", "10")));
        assertStatus(State.FAILED, receipt, "t1");
    }

    @Test
    void debitIsCompletedUntilRefundedThenFailed() {
        Receipt receipt = done(adapter.debit(debit("t1", ALICE, "10")));
        assertStatus(State.COMPLETED, receipt, "t1");
        done(adapter.refund(debit("t1", ALICE, "10")));
        assertStatus(State.FAILED, receipt, "t1");
    }

    @Test
    void holdIsPendingCaptureCompletedAndReleaseFailed() {
        Receipt captured = done(adapter.holdDebit(debit("t1", ALICE, "10")));
        assertStatus(State.PENDING, captured, "t1");
        done(adapter.captureDebit(debit("t1", ALICE, "10")));
        assertStatus(State.COMPLETED, captured, "t1");
        Receipt released = done(adapter.holdDebit(debit("t2", ALICE, "10")));
        done(adapter.releaseDebit(debit("t2", ALICE, "10")));
        assertStatus(State.FAILED, released, "t2");
    }

    @Test
    void statusFindsATransferByIdAlone() {
        done(adapter.debit(debit("t1", ALICE, "10")));
        assertEquals(State.COMPLETED, done(adapter.status("t1", Optional.empty())).state());
    }

    @Test
    void unknownTransferIsNotFound() {
        assertEquals(new TransactionStatus(State.NOT_FOUND, Optional.empty()), done(adapter.status("nope", Optional.empty())));
    }

    @Test
    void statusFindsATransferByReferenceAlone() {
        Receipt receipt = done(adapter.debit(debit("t1", ALICE, "10")));
        Outcome<TransactionStatus> status = adapter.status("other-id", Optional.of(receipt.cbsReference()));
        assertEquals(State.COMPLETED, done(status).state());
    }

    @Test
    void statusTellsTheTwoSidesOfOneTransferIdApartByReference() {
        Receipt credited = done(adapter.reserveCredit(creditToAlice("t1", "10")));
        Receipt debited = done(adapter.debit(debit("t1", ALICE, "10")));
        assertStatus(State.PENDING, credited, "t1");
        assertStatus(State.COMPLETED, debited, "t1");
    }

    private void assertStatus(State expected, Receipt receipt, String transferId) {
        TransactionStatus status = done(adapter.status(transferId, Optional.of(receipt.cbsReference())));
        assertEquals(new TransactionStatus(expected, Optional.of(receipt.cbsReference())), status);
    }
}
