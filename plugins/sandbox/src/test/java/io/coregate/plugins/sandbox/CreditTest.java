package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.CAROL;
import static io.coregate.plugins.sandbox.Fixtures.NOBODY;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.ownFunds;
import static io.coregate.plugins.sandbox.Fixtures.credit;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Receipt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditTest {

    private static final String DISBURSEMENT = SandboxAdapterFactory.DEFAULT_DISBURSEMENT;

    private final CoreBankingAdapter adapter = Fixtures.adapter();

    @Test
    void reserveLeavesTheCustomerBalanceAndHoldsTheDisbursementAccount() {
        Receipt receipt = done(adapter.reserveCredit(creditToAlice("t1", "100")));
        assertTrue(receipt.cbsReference().startsWith("SB-" + Fixtures.TENANT + "-"));
        assertAmount("5000", available(adapter, "SB-0001"));
        assertAmount("-100", ownFunds(adapter, DISBURSEMENT));
    }

    @Test
    void reserveRepeatedReturnsTheSameReceipt() {
        Receipt first = done(adapter.reserveCredit(creditToAlice("t1", "100")));
        assertEquals(first, done(adapter.reserveCredit(creditToAlice("t1", "100"))));
        assertAmount("-100", ownFunds(adapter, DISBURSEMENT));
    }

    @Test
    void reserveForAnUnknownPayeeIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.reserveCredit(credit("t1", NOBODY, "SB-404", "1")));
    }

    @Test
    void reserveForABlockedPayeeIsBlocked() {
        assertFailed(FailureKind.BLOCKED, adapter.reserveCredit(credit("t1", CAROL, "SB-0003", "1")));
    }

    @Test
    void reserveInAnotherCurrencyIsUnsupported() {
        CreditRequest dollars = new CreditRequest("t1", Fixtures.party(Fixtures.ALICE, "SB-0001"), Money.of("1", "USD"),
                Optional.empty());
        assertFailed(FailureKind.UNSUPPORTED_CURRENCY, adapter.reserveCredit(dollars));
    }

    @Test
    void reserveOfTheSameTransferWithAnotherAmountIsRejected() {
        done(adapter.reserveCredit(creditToAlice("t1", "100")));
        assertFailed(FailureKind.REJECTED, adapter.reserveCredit(creditToAlice("t1", "999")));
    }

    @Test
    void commitAfterReserveCreditsTheCustomerFromTheDisbursementAccountWithTheReserveReceipt() {
        Receipt reserved = done(adapter.reserveCredit(creditToAlice("t1", "100")));
        assertEquals(reserved, done(adapter.commitCredit(creditToAlice("t1", "100"))));
        assertAmount("5100", available(adapter, "SB-0001"));
        assertAmount("-100", ownFunds(adapter, DISBURSEMENT));
    }

    @Test
    void commitWithoutReserveStillCredits() {
        done(adapter.commitCredit(creditToAlice("t1", "25.50")));
        assertAmount("5025.50", available(adapter, "SB-0001"));
    }

    @Test
    void commitRepeatedReturnsTheFirstReceiptAndCreditsNothing() {
        Receipt first = done(adapter.commitCredit(creditToAlice("t1", "100")));
        assertEquals(first, done(adapter.commitCredit(creditToAlice("t1", "100"))));
        assertAmount("5100", available(adapter, "SB-0001"));
    }

    @Test
    void commitWithoutReserveRefusesABlockedPayee() {
        assertFailed(FailureKind.BLOCKED, adapter.commitCredit(credit("t1", CAROL, "SB-0003", "1")));
    }

    @Test
    void commitAfterReleaseIsRejected() {
        done(adapter.reserveCredit(creditToAlice("t1", "100")));
        done(adapter.releaseCredit(creditToAlice("t1", "100")));
        assertFailed(FailureKind.REJECTED, adapter.commitCredit(creditToAlice("t1", "100")));
        assertAmount("5000", available(adapter, "SB-0001"));
    }

    @Test
    void releaseDropsTheReservationAndRepeatsIdempotently() {
        Receipt reserved = done(adapter.reserveCredit(creditToAlice("t1", "100")));
        assertEquals(reserved, done(adapter.releaseCredit(creditToAlice("t1", "100"))));
        assertEquals(reserved, done(adapter.releaseCredit(creditToAlice("t1", "100"))));
        assertAmount("0", ownFunds(adapter, DISBURSEMENT));
        assertAmount("5000", available(adapter, "SB-0001"));
    }

    @Test
    void releaseAfterCommitIsRejectedAsAlreadyCommitted() {
        done(adapter.commitCredit(creditToAlice("t1", "100")));
        assertFailed(FailureKind.REJECTED, adapter.releaseCredit(creditToAlice("t1", "100")));
    }

    @Test
    void releaseOfAnUnknownTransferSucceedsAndRefusesALateReserve() {
        done(adapter.releaseCredit(creditToAlice("t1", "100")));
        assertFailed(FailureKind.REJECTED, adapter.reserveCredit(creditToAlice("t1", "100")));
    }

    @Test
    void aListedDisbursementAccountMustCoverTheCredit() {
        Map<String, Object> flt = Map.of("accountNo", DISBURSEMENT, "currency", "ZMW", "balance", "150");
        List<Object> accounts = List.of(Fixtures.accounts().get(0), flt);
        CoreBankingAdapter limited = Fixtures.adapter(Map.of("accounts", accounts));
        done(limited.reserveCredit(creditToAlice("t1", "100")));
        assertAmount("50", available(limited, DISBURSEMENT));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, limited.reserveCredit(creditToAlice("t2", "100")));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, limited.commitCredit(creditToAlice("t3", "51")));
    }

    @Test
    void anUnlistedDisbursementAccountLendsUpToItsCreditLineAndItsBalanceSaysSo() {
        CoreBankingAdapter lending = Fixtures.adapter(Map.of("houseCreditLine", "150"));
        assertAmount("150", available(lending, DISBURSEMENT));
        done(lending.reserveCredit(creditToAlice("t1", "100")));
        assertAmount("50", available(lending, DISBURSEMENT));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, lending.reserveCredit(creditToAlice("t2", "50.01")));
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, lending.commitCredit(creditToAlice("t3", "51")));
        done(lending.commitCredit(creditToAlice("t4", "50")));
        assertAmount("0", available(lending, DISBURSEMENT));
        done(lending.commitCredit(creditToAlice("t1", "100")));
        assertAmount("0", available(lending, DISBURSEMENT));
        assertAmount("5150", available(lending, "SB-0001"));
    }
}
