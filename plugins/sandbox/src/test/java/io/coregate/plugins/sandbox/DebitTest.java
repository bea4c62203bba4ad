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
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebitTest {

    private static final String COLLECTION = SandboxAdapterFactory.DEFAULT_COLLECTION;

    private final CoreBankingAdapter adapter = Fixtures.adapter();

    @Test
    void debitMovesTheAmountFromTheCustomerToTheCollectionAccount() {
        done(adapter.debit(debit("t1", ALICE, "250.25")));
        assertAmount("4749.75", available(adapter, "SB-0001"));
        assertAmount("250.25", ownFunds(adapter, COLLECTION));
    }

    @Test
    void debitRepeatedReturnsTheSameReceiptAndDebitsOnce() {
        Receipt first = done(adapter.debit(debit("t1", ALICE, "250")));
        assertEquals(first, done(adapter.debit(debit("t1", ALICE, "250"))));
        assertAmount("4750", available(adapter, "SB-0001"));
    }

    @Test
    void debitFindsThePayerByAccountId() {
        done(adapter.debit(debit("t1", PartyId.of("ACCOUNT_ID", "SB-0002"), "10")));
        assertAmount("90", available(adapter, "SB-0002"));
    }

    @Test
    void debitBeyondTheAvailableBalanceIsInsufficientFunds() {
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, adapter.debit(debit("t1", BOB, "100.01")));
        assertAmount("100", available(adapter, "SB-0002"));
    }

    @Test
    void debitOfTheWholeBalanceSucceeds() {
        done(adapter.debit(debit("t1", BOB, "100")));
        assertAmount("0", available(adapter, "SB-0002"));
    }

    @Test
    void debitOfAnUnknownPayerIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.debit(debit("t1", NOBODY, "1")));
    }

    @Test
    void debitOfABlockedPayerIsBlocked() {
        assertFailed(FailureKind.BLOCKED, adapter.debit(debit("t1", CAROL, "1")));
    }

    @Test
    void debitInAnotherCurrencyIsUnsupported() {
        DebitRequest dollars = new DebitRequest("t1", ALICE, Money.of("1", "USD"), Optional.empty());
        assertFailed(FailureKind.UNSUPPORTED_CURRENCY, adapter.debit(dollars));
    }

    @Test
    void debitOfANonPositiveAmountIsRejected() {
        assertFailed(FailureKind.REJECTED, adapter.debit(debit("t1", ALICE, "0")));
    }

    @Test
    void debitOfTheSameTransferWithAnotherAmountIsRejected() {
        done(adapter.debit(debit("t1", ALICE, "10")));
        assertFailed(FailureKind.REJECTED, adapter.debit(debit("t1", ALICE, "11")));
    }

    @Test
    void refundReturnsTheDebitOnceWithTheDebitReceipt() {
        Receipt debited = done(adapter.debit(debit("t1", ALICE, "250")));
        assertEquals(debited, done(adapter.refund(debit("t1", ALICE, "250"))));
        assertEquals(debited, done(adapter.refund(debit("t1", ALICE, "250"))));
        assertAmount("5000", available(adapter, "SB-0001"));
        assertAmount("0", ownFunds(adapter, COLLECTION));
    }

    @Test
    void refundOfAnUnknownTransferIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.refund(debit("t1", ALICE, "250")));
    }

    @Test
    void debitAfterRefundIsRejected() {
        done(adapter.debit(debit("t1", ALICE, "250")));
        done(adapter.refund(debit("t1", ALICE, "250")));
        assertFailed(FailureKind.REJECTED, adapter.debit(debit("t1", ALICE, "250")));
        assertAmount("5000", available(adapter, "SB-0001"));
    }
}
