package io.coregate.plugins.flexcube;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.tck.AdapterContract;
import io.coregate.plugin.tck.Operation;
import io.coregate.plugin.tck.TckFault;
import io.coregate.plugin.tck.TckParties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract suite (plugin-tck) against the simulated FCUBS gateway refusing a repeated XREF: every SPI operation
 * (amount blocks for reservations and debit holds, reversal for refunds), a retried leg booking once, each failure kind
 * from its ECODE, a hanging gateway, a 503, a lost answer, an error inside a 200, refused credentials, and the simulator's
 * books (money conserved, one posting per XREF) after every test. {@link FlexcubeBookTwiceContractTest} runs it against a
 * gateway that books a repeated XREF again; {@link FlexcubeMakerCheckerContractTest} against maker-checker.
 */
class FlexcubeContractTest extends AdapterContract {

    private FlexcubeSimulator simulator;

    /** The simulator of this test, with its switches set. */
    protected FlexcubeSimulator startSimulator() {
        return FlexcubeSimulator.start().duplicates(DuplicatePolicy.REFUSE);
    }

    @BeforeEach
    final void startTheSimulator() {
        simulator = startSimulator();
    }

    @AfterEach
    final void stopTheSimulator() {
        simulator.close();
    }

    /** The running simulator. */
    protected final FlexcubeSimulator simulator() {
        return simulator;
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new FlexcubeAdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return context(simulator, Map.of());
    }

    @Override
    protected List<String> violations() {
        return simulator.ledger().violations();
    }

    /** A tenant on the simulated gateway (the customers' MSISDNs mapped) with these settings on top. */
    static AdapterContext context(FlexcubeSimulator bank, Map<String, Object> settings) {
        return context(settings(bank, settings), secrets(Map.of()));
    }

    /** The settings of a tenant on this simulated gateway, with these on top. */
    static Map<String, Object> settings(FlexcubeSimulator bank, Map<String, Object> settings) {
        var values = new HashMap<String, Object>();
        values.put("baseUrl", bank.baseUri().toString());
        values.put("source", FlexcubeSimulator.SOURCE);
        values.put("userId", FlexcubeSimulator.USER);
        values.put("branch", FlexcubeSimulator.BRANCH);
        values.put("creditProduct", FlexcubeSimulator.CREDIT_PRODUCT);
        values.put("debitProduct", FlexcubeSimulator.DEBIT_PRODUCT);
        values.put("msisdnAccounts", Map.of(FlexcubeSimulator.ALICE.msisdn(), FlexcubeSimulator.ALICE.accountNo(),
                FlexcubeSimulator.BOB.msisdn(), FlexcubeSimulator.BOB.accountNo(), FlexcubeSimulator.CAROL.msisdn(),
                FlexcubeSimulator.CAROL.accountNo()));
        values.putAll(settings);
        return values;
    }

    /** A tenant with exactly these settings and secrets. */
    static AdapterContext context(Map<String, Object> settings, Secrets secrets) {
        return new AdapterContext("fcubs-tenant", "fcubsfsp", Set.of("ZMW"), new Settings(settings), secrets,
                new AccountMapping(Optional.of(FlexcubeSimulator.FLOAT), Optional.of(FlexcubeSimulator.COLLECTION)), Duration.ofSeconds(2));
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
        return new TckParties(PartyId.of("ACCOUNT_ID", FlexcubeSimulator.BOB.accountNo()), PartyId.of("MSISDN", FlexcubeSimulator.ALICE.msisdn()),
                PartyId.of("ACCOUNT_ID", "0009999990001"), Optional.of(PartyId.of("ACCOUNT_ID", FlexcubeSimulator.CAROL.accountNo())),
                Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.complementOf(EnumSet.of(FailureKind.TIMEOUT));
    }

    /** The ECODE the simulated gateway answers for each failure kind (the README's error table). */
    static String codeFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> "AC-ACC-01";
            case BLOCKED -> "AC-NODR-01";
            case INSUFFICIENT_FUNDS -> "AC-OVD-01";
            case LIMIT_EXCEEDED -> "RT-LIM-01";
            case UNSUPPORTED_CURRENCY -> "RT-CCY-01";
            case UNAVAILABLE -> "GW-SYS-01";
            case REJECTED, TIMEOUT -> "RT-PRD-01";
        };
    }

    @Override
    protected Optional<CoreBankingAdapter> withFault(Operation operation, TckFault fault) {
        Optional<String> route = switch (operation) {
            case COMMIT_CREDIT, DEBIT, REFUND, CAPTURE_DEBIT -> Optional.of(FlexcubeSimulator.CREATE);
            case LOOKUP_PARTY -> Optional.of(FlexcubeSimulator.ACCOUNT);
            case BALANCE -> Optional.of(FlexcubeSimulator.BALANCE);
            case RESERVE_CREDIT, HOLD_DEBIT -> Optional.of(FlexcubeSimulator.CREATE_BLOCK);
            default -> Optional.empty();
        };
        route.ifPresent(name -> simulator.inject(name, switch (fault) {
            case TckFault.Refusal refusal -> Fault.answer(io.coregate.plugin.sim.SimResponse.ok(Map.of("ECODE", codeFor(refusal.kind()))));
            case TckFault.Hang hang -> Fault.hang();
            case TckFault.ServerErrorBeforeBooking error -> Fault.serverErrorBeforeBooking();
            case TckFault.DropAfterBooking drop -> Fault.dropAfterBooking();
            case TckFault.ErrorIn200 error -> Fault.errorIn200(io.coregate.plugin.sim.SimResponse.ok(Map.of()));
            case TckFault.ExpiredToken expired -> Fault.expiredToken();
        }, 1));
        return route.map(name -> adapter());
    }

    /** A gateway answering the health check slowly (beyond half its deadline): DEGRADED, and still booking. */
    @Override
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        simulator.inject(FlexcubeSimulator.ACCOUNT, Fault.latency(Duration.ofMillis(1000)), 1);
        return Optional.of(factory().create(context()));
    }

    @Override
    protected Map<String, AdapterContext> invalidContexts() {
        var invalid = new LinkedHashMap<String, AdapterContext>();
        for (String key : List.of("baseUrl", "source", "userId", "branch", "creditProduct", "debitProduct")) {
            invalid.put("cbs.settings." + key, without(key));
        }
        invalid.put("cbs.secrets.password", context(settings(simulator, Map.of("httpBasic", true)), secrets(Map.of("username", "u"))));
        invalid.put("cbs.settings.xrefLength", context(simulator, Map.of("xrefLength", 10)));
        invalid.put("cbs.settings.errorCodes", context(simulator, Map.of("errorCodes", Map.of("AC-X", "NOPE"))));
        invalid.put("cbs.settings.msisdnAccounts.26x", context(simulator, Map.of("msisdnAccounts", Map.of("26x", "1"))));
        return invalid;
    }

    private AdapterContext without(String key) {
        var values = settings(simulator, Map.of());
        values.remove(key);
        return context(values, secrets(Map.of()));
    }
}
