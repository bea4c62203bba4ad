package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.BOB;
import static io.coregate.plugins.sandbox.Fixtures.CAROL;
import static io.coregate.plugins.sandbox.Fixtures.NOBODY;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.ownFunds;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Receipt;
import org.junit.jupiter.api.Test;

class HoldTest {

    private static final String COLLECTION = SandboxAdapterFactory.DEFAULT_COLLECTION;

    private final CoreBankingAdapter adapter = Fixtures.adapter();

    @Test
    void holdReducesTheAvailableBalanceWithoutMovingMoney() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertAmount("40", available(adapter, "SB-0002"));
        assertAmount("0", ownFunds(adapter, COLLECTION));
    }

    @Test
    void holdRepeatedReturnsTheSameReceiptAndHoldsOnce() {
        Receipt first = done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertEquals(first, done(adapter.holdDebit(debit("t1", BOB, "60"))));
        assertAmount("40", available(adapter, "SB-0002"));
    }

    @Test
    void heldFundsCannotBeDebitedAgain() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, adapter.debit(debit("t2", BOB, "41")));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, adapter.holdDebit(debit("t3", BOB, "41")));
    }

    @Test
    void holdRefusesUnknownBlockedAndUncoveredPayers() {
        assertFailed(FailureKind.NOT_FOUND, adapter.holdDebit(debit("t1", NOBODY, "1")));
        assertFailed(FailureKind.BLOCKED, adapter.holdDebit(debit("t2", CAROL, "1")));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, adapter.holdDebit(debit("t3", BOB, "100.5")));
    }

    @Test
    void captureMovesTheHeldFundsToTheCollectionAccountOnce() {
        Receipt held = done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertEquals(held, done(adapter.captureDebit(debit("t1", BOB, "60"))));
        assertEquals(held, done(adapter.captureDebit(debit("t1", BOB, "60"))));
        assertAmount("40", available(adapter, "SB-0002"));
        assertAmount("60", ownFunds(adapter, COLLECTION));
    }

    @Test
    void captureWithoutAHoldIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.captureDebit(debit("t1", BOB, "60")));
    }

    @Test
    void captureAfterReleaseIsRejected() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        done(adapter.releaseDebit(debit("t1", BOB, "60")));
        assertFailed(FailureKind.REJECTED, adapter.captureDebit(debit("t1", BOB, "60")));
        assertAmount("100", available(adapter, "SB-0002"));
    }

    @Test
    void releaseFreesTheHeldFundsOnce() {
        Receipt held = done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertEquals(held, done(adapter.releaseDebit(debit("t1", BOB, "60"))));
        assertEquals(held, done(adapter.releaseDebit(debit("t1", BOB, "60"))));
        assertAmount("100", available(adapter, "SB-0002"));
    }

    @Test
    void releaseAfterCaptureIsRejected() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        done(adapter.captureDebit(debit("t1", BOB, "60")));
        assertFailed(FailureKind.REJECTED, adapter.releaseDebit(debit("t1", BOB, "60")));
    }

    @Test
    void releaseOfAnUnknownTransferSucceedsAndRefusesALateHold() {
        done(adapter.releaseDebit(debit("t1", BOB, "60")));
        assertFailed(FailureKind.REJECTED, adapter.holdDebit(debit("t1", BOB, "60")));
        assertAmount("100", available(adapter, "SB-0002"));
    }

    @Test
    void holdOfATransferAlreadyDebitedIsRejected() {
        done(adapter.debit(debit("t1", ALICE, "10")));
        assertFailed(FailureKind.REJECTED, adapter.holdDebit(debit("t1", ALICE, "10")));
    }

    @Test
    void refundOfACapturedHoldReturnsTheMoney() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        done(adapter.captureDebit(debit("t1", BOB, "60")));
        done(adapter.refund(debit("t1", BOB, "60")));
        assertAmount("100", available(adapter, "SB-0002"));
        assertAmount("0", ownFunds(adapter, COLLECTION));
    }

    @Test
    void refundOfAnUncapturedHoldIsRejected() {
        done(adapter.holdDebit(debit("t1", BOB, "60")));
        assertFailed(FailureKind.REJECTED, adapter.refund(debit("t1", BOB, "60")));
    }
}
