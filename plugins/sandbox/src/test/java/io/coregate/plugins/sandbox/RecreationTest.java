package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.TENANT;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.context;
import static io.coregate.plugins.sandbox.Fixtures.creditToAlice;
import static io.coregate.plugins.sandbox.Fixtures.debit;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static io.coregate.plugins.sandbox.Fixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecreationTest {

    private static final PartyId DAN = PartyId.of("MSISDN", "260971000004");

    private final SandboxAdapterFactory factory = new SandboxAdapterFactory();

    @Test
    void balancesAndBookingsSurviveRecreationByTheSameFactory() {
        CoreBankingAdapter first = factory.create(context(TENANT, settings(Map.of())));
        Receipt debited = done(first.debit(debit("t1", ALICE, "100")));
        done(first.commitCredit(creditToAlice("t2", "30")));
        CoreBankingAdapter second = factory.create(context(TENANT, settings(Map.of())));
        assertAmount("4930", available(second, "SB-0001"));
        assertEquals(debited, done(second.debit(debit("t1", ALICE, "100"))));
        assertEquals(TransactionStatus.State.COMPLETED, done(second.status("t2", Optional.empty())).state());
        assertAmount("4930", available(second, "SB-0001"));
    }

    @Test
    void newlyListedAccountsOpenAndKnownAccountsKeepTheirBalanceButTakeNewStatus() {
        CoreBankingAdapter first = factory.create(context(TENANT, settings(Map.of())));
        done(first.debit(debit("t1", ALICE, "100")));
        List<Object> accounts = new ArrayList<>(Fixtures.accounts());
        accounts.set(0, Fixtures.account(ALICE, "SB-0001", "Alice", "Zulu", "5000.00", "DORMANT"));
        accounts.add(Fixtures.account(DAN, "SB-0004", "Dan", "Tembo", "70", "ACTIVE"));
        CoreBankingAdapter second = factory.create(context(TENANT, settings(Map.of("accounts", accounts))));
        assertAmount("4900", available(second, "SB-0001"));
        assertEquals(AccountStatus.DORMANT, done(second.lookupParty(ALICE)).status());
        assertEquals("Alice Zulu", done(second.lookupParty(ALICE)).displayName());
        assertFailed(FailureKind.BLOCKED, second.debit(debit("t2", ALICE, "1")));
        assertAmount("70", available(second, "SB-0004"));
    }

    @Test
    void refundWorksAfterThePayerWasBlocked() {
        CoreBankingAdapter first = factory.create(context(TENANT, settings(Map.of())));
        done(first.debit(debit("t1", ALICE, "100")));
        List<Object> accounts = List.of(Fixtures.account(ALICE, "SB-0001", "Alice", "Banda", "5000", "BLOCKED"));
        CoreBankingAdapter second = factory.create(context(TENANT, settings(Map.of("accounts", accounts))));
        done(second.refund(debit("t1", ALICE, "100")));
        assertAmount("5000", available(second, "SB-0001"));
    }

    @Test
    void faultsAreReadAgainOnRecreation() {
        Map<String, Object> fault = Map.of("operation", "lookupParty", "kind", "UNAVAILABLE");
        CoreBankingAdapter faulty = factory.create(context(TENANT, settings(Map.of("faults", List.of(fault)))));
        assertFailed(FailureKind.UNAVAILABLE, faulty.lookupParty(ALICE));
        CoreBankingAdapter healed = factory.create(context(TENANT, settings(Map.of())));
        done(healed.lookupParty(ALICE));
    }

    @Test
    void tenantsHaveSeparateBanks() {
        CoreBankingAdapter a = factory.create(context("tenant-a", settings(Map.of())));
        CoreBankingAdapter b = factory.create(context("tenant-b", settings(Map.of())));
        done(a.debit(debit("t1", ALICE, "100")));
        assertAmount("5000", available(b, "SB-0001"));
        assertEquals(TransactionStatus.State.NOT_FOUND, done(b.status("t1", Optional.empty())).state());
    }

    @Test
    void invalidSettingsOnRecreationLeaveTheBankUntouched() {
        CoreBankingAdapter first = factory.create(context(TENANT, settings(Map.of())));
        done(first.debit(debit("t1", ALICE, "100")));
        List<Object> broken = List.of(Map.of("accountNo", "SB-0009"));
        FactoryTest.assertRejected("currency", () -> factory.create(context(TENANT, settings(Map.of("accounts", broken)))));
        assertAmount("4900", available(first, "SB-0001"));
        assertFailed(FailureKind.NOT_FOUND, first.lookupParty(PartyId.of("ACCOUNT_ID", "SB-0009")));
    }
}
