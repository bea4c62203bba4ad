package io.coregate.plugins.fineract;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugin.tck.Operation;
import io.coregate.plugin.tck.SimulatorContract;
import io.coregate.plugin.tck.TckParties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite (plugin-tck) against the simulated Fineract: every SPI operation including DEBIT_HOLD, idempotency
 * under retries, each failure kind, a hanging Fineract, a 5xx, a lost answer, an error inside a 200, expired
 * credentials, validation, a degraded Fineract, and the simulator's books checked after every test.
 */
class FineractContractTest extends SimulatorContract {

    private FineractSimulator fineract;

    @Override
    protected Simulator startSimulator() {
        fineract = FineractSimulator.start();
        return fineract.simulator();
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new FineractAdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return context(fineract, Map.of());
    }

    /** The simulated Fineract of the running test. */
    protected final FineractSimulator simulatorOfThisTest() {
        return fineract;
    }

    /** A tenant on the simulated Fineract with these settings besides the defaults. */
    static AdapterContext context(FineractSimulator fineract, Map<String, Object> settings) {
        return context(fineract, settings, secrets(Map.of(FineractSettings.PASSWORD_SECRET, FineractSimulator.PASSWORD)),
                new AccountMapping(Optional.of(Long.toString(FineractSimulator.FLOAT)), Optional.of(Long.toString(FineractSimulator.COLLECTION))));
    }

    static AdapterContext context(FineractSimulator fineract, Map<String, Object> settings, Secrets secrets, AccountMapping accounts) {
        var values = new HashMap<String, Object>(settings);
        values.putIfAbsent("baseUrl", fineract.baseUrl());
        values.putIfAbsent("tenantIdentifier", FineractSimulator.TENANT);
        values.putIfAbsent("username", FineractSimulator.USERNAME);
        values.putIfAbsent("savingsProductId", FineractSimulator.PRODUCT);
        return new AdapterContext("fineract-tenant", "fineractfsp", Set.of("ZMW"), new Settings(values), secrets, accounts,
                Duration.ofSeconds(2));
    }

    /** Secrets that know their names, as the gateway's do. */
    static Secrets secrets(Map<String, String> values) {
        return new Secrets() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }
        };
    }

    @Override
    protected TckParties parties() {
        return new TckParties(msisdn(FineractSimulator.BOB), msisdn(FineractSimulator.ALICE), PartyId.of("MSISDN", "260979999999"),
                Optional.of(msisdn(FineractSimulator.CAROL)), Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return Set.of(FailureKind.NOT_FOUND, FailureKind.BLOCKED, FailureKind.INSUFFICIENT_FUNDS, FailureKind.UNAVAILABLE,
                FailureKind.REJECTED);
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return switch (operation) {
            case COMMIT_CREDIT, DEBIT, REFUND -> Optional.of(FineractSimulator.TRANSFERS);
            case HOLD_DEBIT -> Optional.of(FineractSimulator.TRANSACTIONS);
            case CAPTURE_DEBIT -> Optional.of(FineractSimulator.BATCHES);
            case RELEASE_DEBIT -> Optional.of(FineractSimulator.HOLD_RELEASE);
            case LOOKUP_PARTY -> Optional.of(FineractSimulator.SEARCH);
            default -> Optional.empty();
        };
    }

    @Override
    protected SimResponse vendorError(FailureKind kind) {
        return FineractSimulator.errorFor(kind);
    }

    @Override
    protected Map<String, AdapterContext> invalidContexts() {
        var none = secrets(Map.of());
        var accounts = new AccountMapping(Optional.of("1"), Optional.of("2"));
        return Map.of(
                "cbs.settings.baseUrl", context(fineract, Map.of("baseUrl", "fineract.local/api")),
                "cbs.settings.tenantIdentifier", context(fineract, Map.of("tenantIdentifier", " ")),
                "cbs.settings.savingsProductId", context(fineract, Map.of("savingsProductId", "wallet")),
                "cbs.settings.timeZone", context(fineract, Map.of("timeZone", "Mars/Olympus")),
                "cbs.secrets.password", context(fineract, Map.of(), none, accounts),
                "accounts.collection", context(fineract, Map.of(), secrets(Map.of("password", "x")),
                        new AccountMapping(Optional.of("1"), Optional.of("EB-COLLECT"))));
    }

    /** Fineract answers, but the disbursement account is blocked for debits: health is DEGRADED, customers' debits still book. */
    @Override
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        fineract.subStatus(FineractSimulator.FLOAT, "blockDebit");
        return Optional.of(factory().create(context()));
    }

    private static PartyId msisdn(FineractSimulator.Customer customer) {
        return PartyId.of("MSISDN", customer.msisdn());
    }
}
