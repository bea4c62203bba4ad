package io.coregate.plugins.sandbox;

import static io.coregate.plugins.sandbox.Fixtures.ALICE;
import static io.coregate.plugins.sandbox.Fixtures.CAROL;
import static io.coregate.plugins.sandbox.Fixtures.NOBODY;
import static io.coregate.plugins.sandbox.Fixtures.assertAmount;
import static io.coregate.plugins.sandbox.Fixtures.assertFailed;
import static io.coregate.plugins.sandbox.Fixtures.available;
import static io.coregate.plugins.sandbox.Fixtures.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.QuoteRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupAndBalanceTest {

    private final CoreBankingAdapter adapter = Fixtures.adapter();

    @Test
    void lookupFindsAPartyByItsIdentifier() {
        Party alice = done(adapter.lookupParty(ALICE));
        assertEquals("SB-0001", alice.accountNo());
        assertEquals("Alice Banda", alice.displayName());
        assertEquals(Set.of("ZMW"), alice.currencies());
        assertEquals(AccountStatus.ACTIVE, alice.status());
        assertEquals(ALICE, alice.id());
    }

    @Test
    void lookupFindsAnAccountByAccountIdAndNumber() {
        assertEquals("Alice", done(adapter.lookupParty(PartyId.of("ACCOUNT_ID", "SB-0001"))).firstName());
    }

    @Test
    void lookupOfAnUnknownPartyIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.lookupParty(NOBODY));
    }

    @Test
    void lookupReturnsBlockedPartiesWithTheirStatusForTheGatewayToDecide() {
        assertEquals(AccountStatus.BLOCKED, done(adapter.lookupParty(CAROL)).status());
    }

    @Test
    void lookupReturnsTheOptionalDetailsFromSettings() {
        Map<String, Object> shop = Map.of("idType", "BUSINESS", "idValue", "SHOP1", "accountNo", "SB-9", "currency", "ZMW",
                "displayName", "Corner Shop", "middleName", "M", "dateOfBirth", "1990-02-03", "merchantClassificationCode", "5411");
        CoreBankingAdapter withShop = Fixtures.adapter(Map.of("accounts", List.of(shop)));
        Party party = done(withShop.lookupParty(PartyId.of("BUSINESS", "SHOP1")));
        assertEquals("Corner Shop", party.displayName());
        assertEquals(Optional.of("M"), party.middleName());
        assertEquals(Optional.of(LocalDate.of(1990, 2, 3)), party.dateOfBirth());
        assertEquals(Optional.of("5411"), party.merchantClassificationCode());
    }

    @Test
    void balanceIsTheOpeningBalanceOfAnUntouchedAccount() {
        assertAmount("5000", available(adapter, "SB-0001"));
    }

    @Test
    void balanceOfAnUnknownAccountIsNotFound() {
        assertFailed(FailureKind.NOT_FOUND, adapter.balance("SB-404", "ZMW"));
    }

    @Test
    void balanceInAnotherCurrencyIsUnsupported() {
        assertFailed(FailureKind.UNSUPPORTED_CURRENCY, adapter.balance("SB-0001", "USD"));
    }

    @Test
    void balanceOfAnUnlistedHouseAccountIsItsCreditLine() {
        assertAmount("1000000000", available(adapter, SandboxAdapterFactory.DEFAULT_DISBURSEMENT));
        assertAmount("0", Fixtures.ownFunds(adapter, SandboxAdapterFactory.DEFAULT_DISBURSEMENT));
        CoreBankingAdapter small = Fixtures.adapter(Map.of("houseCreditLine", "250.00"));
        assertAmount("250", available(small, SandboxAdapterFactory.DEFAULT_COLLECTION));
        assertAmount("250", done(small.balance(SandboxAdapterFactory.DEFAULT_DISBURSEMENT, "USD")).available().amount());
    }

    @Test
    void capabilitiesCoverEveryOptionalOperation() {
        assertEquals(Set.of(Capability.values()), adapter.capabilities());
    }

    @Test
    void quoteChargesNoPayeeFeeByDefault() {
        assertAmount("0", done(adapter.quote(quote())).payeeFee().amount());
    }

    @Test
    void quoteChargesTheConfiguredFeeInTheQuoteCurrency() {
        Money fee = done(Fixtures.adapter(Map.of("quoteFee", "1.50")).quote(quote())).payeeFee();
        assertAmount("1.5", fee.amount());
        assertEquals("ZMW", fee.currency());
    }

    @Test
    void healthIsUpWithoutFaults() {
        assertTrue(adapter.health().up());
    }

    private static QuoteRequest quote() {
        return new QuoteRequest("q1", "t1", Fixtures.party(ALICE, "SB-0001"), Money.of("100", "ZMW"), AmountType.RECEIVE);
    }
}
