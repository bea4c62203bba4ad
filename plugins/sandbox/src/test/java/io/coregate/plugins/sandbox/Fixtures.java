package io.coregate.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Settings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings, contexts and requests shared by the tests. Stateless. */
final class Fixtures {

    static final String TENANT = "bank-a";
    static final PartyId ALICE = PartyId.of("MSISDN", "260971000001");
    static final PartyId BOB = PartyId.of("MSISDN", "260971000002");
    static final PartyId CAROL = PartyId.of("MSISDN", "260971000003");
    static final PartyId NOBODY = PartyId.of("MSISDN", "260979999999");

    private Fixtures() {
    }

    /** Alice (active, 5000), Bob (active, 100), Carol (blocked, 50), all in ZMW. */
    static List<Object> accounts() {
        return List.of(
                account(ALICE, "SB-0001", "Alice", "Banda", "5000.00", "ACTIVE"),
                account(BOB, "SB-0002", "Bob", "Phiri", "100", "ACTIVE"),
                account(CAROL, "SB-0003", "Carol", "Mwale", "50", "BLOCKED"));
    }

    static Map<String, Object> account(PartyId id, String accountNo, String first, String last, String balance, String status) {
        return Map.of("idType", id.idType(), "idValue", id.idValue(), "accountNo", accountNo, "firstName", first,
                "lastName", last, "currency", "ZMW", "balance", balance, "status", status);
    }

    static Settings settings(Map<String, Object> extra) {
        var values = new HashMap<String, Object>(extra);
        values.putIfAbsent("accounts", accounts());
        return new Settings(values);
    }

    static AdapterContext context(String tenant, Settings settings) {
        return new AdapterContext(tenant, tenant + "-dfsp", Set.of("ZMW"), settings, name -> Optional.empty(),
                AccountMapping.none(), Duration.ofSeconds(5));
    }

    /** A fresh factory's adapter for {@link #TENANT} with the standard accounts plus {@code extra} settings. */
    static CoreBankingAdapter adapter(Map<String, Object> extra) {
        return new SandboxAdapterFactory().create(context(TENANT, settings(extra)));
    }

    static CoreBankingAdapter adapter() {
        return adapter(Map.of());
    }

    static Party party(PartyId id, String accountNo) {
        return new Party(id, accountNo, "", Optional.empty(), "", accountNo, Optional.empty(), Set.of("ZMW"),
                AccountStatus.ACTIVE, Optional.empty());
    }

    static CreditRequest credit(String transferId, PartyId payee, String accountNo, String amount) {
        return new CreditRequest(transferId, party(payee, accountNo), Money.of(amount, "ZMW"), Optional.empty());
    }

    static CreditRequest creditToAlice(String transferId, String amount) {
        return credit(transferId, ALICE, "SB-0001", amount);
    }

    static DebitRequest debit(String transferId, PartyId payer, String amount) {
        return new DebitRequest(transferId, payer, Money.of(amount, "ZMW"), Optional.empty());
    }

    /** The value of a done outcome, failing the test otherwise. */
    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        return fail("expected done, got " + outcome);
    }

    /** Asserts the outcome failed with {@code kind}. */
    static void assertFailed(FailureKind kind, Outcome<?> outcome) {
        Outcome.Failed<?> failed = assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected " + kind + ", got " + outcome);
        assertEquals(kind, failed.kind(), failed.message());
    }

    /** The available balance of an account, in ZMW. */
    static BigDecimal available(CoreBankingAdapter adapter, String accountNo) {
        return done(adapter.balance(accountNo, "ZMW")).available().amount();
    }

    /**
     * The bank's own money on one of its house accounts (unlisted disbursement or collection): what {@code balance}
     * answers less the default credit line, so it goes negative as the bank lends.
     */
    static BigDecimal ownFunds(CoreBankingAdapter adapter, String houseAccountNo) {
        return available(adapter, houseAccountNo).subtract(SandboxAdapterFactory.DEFAULT_HOUSE_CREDIT_LINE);
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
