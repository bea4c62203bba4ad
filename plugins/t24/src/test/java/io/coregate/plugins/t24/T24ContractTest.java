package io.coregate.plugins.t24;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugin.tck.Operation;
import io.coregate.plugin.tck.SimulatorContract;
import io.coregate.plugin.tck.TckParties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite (plugin-tck) against the simulated Transact, which books a repeated payment order twice: every SPI
 * operation, a retried leg booking once (the adapter's look-up before a retry is all that prevents a second order),
 * each failure kind, a hanging bank, a 5xx, a lost answer, an error inside a 200, an expired token, and the simulator's
 * books checked after every test. Reservations book nothing here (no {@code lockPath}); {@link T24LockingContractTest}
 * runs the suite with locks.
 */
class T24ContractTest extends SimulatorContract {

    @Override
    protected Simulator startSimulator() {
        return T24Simulator.start();
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new T24AdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return context(simulator(), Map.of());
    }

    /** A tenant on the simulated bank (bearer auth, the customers' MSISDNs mapped) with these settings on top. */
    static AdapterContext context(Simulator bank, Map<String, Object> settings) {
        var values = new HashMap<String, Object>();
        values.put("baseUrl", bank.baseUri() + T24Simulator.BASE);
        values.put("paymentOrderProductId", T24Simulator.PRODUCT);
        values.put("auth", Map.of("type", "bearer"));
        values.put("msisdnAccounts", Map.of(T24Simulator.ALICE.msisdn(), T24Simulator.ALICE.accountId(),
                T24Simulator.BOB.msisdn(), T24Simulator.BOB.accountId(), T24Simulator.CAROL.msisdn(), T24Simulator.CAROL.accountId()));
        values.putAll(settings);
        return context(values, secrets(Map.of(T24Auth.TOKEN, T24Simulator.TOKEN)));
    }

    /** A tenant with exactly these settings and secrets. */
    static AdapterContext context(Map<String, Object> settings, Secrets secrets) {
        return new AdapterContext("t24-tenant", "t24fsp", Set.of("ZMW"), new Settings(settings), secrets,
                new AccountMapping(Optional.of(T24Simulator.FLOAT), Optional.of(T24Simulator.COLLECTION)), Duration.ofSeconds(2));
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
        return new TckParties(PartyId.of("ACCOUNT_ID", T24Simulator.BOB.accountId()), PartyId.of("MSISDN", T24Simulator.ALICE.msisdn()),
                PartyId.of("ACCOUNT_ID", "100999999"), Optional.of(PartyId.of("ACCOUNT_ID", T24Simulator.CAROL.accountId())),
                Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.complementOf(EnumSet.of(FailureKind.TIMEOUT));
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return switch (operation) {
            case COMMIT_CREDIT, DEBIT, REFUND -> Optional.of(T24Simulator.ORDERS);
            case LOOKUP_PARTY, BALANCE -> Optional.of(T24Simulator.ACCOUNTS);
            default -> Optional.empty();
        };
    }

    @Override
    protected SimResponse vendorError(FailureKind kind) {
        return T24Simulator.errorFor(kind);
    }

    /** A T24 answering the health check slowly (latency beyond half its deadline): DEGRADED, and still booking. */
    @Override
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        simulator().inject(T24Simulator.ACCOUNTS, Fault.latency(Duration.ofMillis(1200)), 1);
        return Optional.of(factory().create(context()));
    }

    @Override
    protected Map<String, AdapterContext> invalidContexts() {
        var invalid = new LinkedHashMap<String, AdapterContext>();
        invalid.put("cbs.settings.baseUrl", without("baseUrl"));
        invalid.put("cbs.settings.paymentOrderProductId", without("paymentOrderProductId"));
        invalid.put("cbs.secrets.apiToken", context(context(simulator(), Map.of()).settings().values(), secrets(Map.of())));
        invalid.put("cbs.settings.orderFields.debitAccountId", context(simulator(), Map.of("orderFields", Map.of("debitAccountId", "X"))));
        invalid.put("cbs.settings.auth.tokenUrl", context(simulator(), Map.of("auth", Map.of("type", "oauth2", "clientId", "cg"))));
        invalid.put("cbs.settings.lockPath", context(simulator(), Map.of("lockPath", "/holdings/locks")));
        return invalid;
    }

    private AdapterContext without(String key) {
        var values = new HashMap<>(context(simulator(), Map.of()).settings().values());
        values.remove(key);
        return context(values, secrets(Map.of(T24Auth.TOKEN, T24Simulator.TOKEN)));
    }
}
