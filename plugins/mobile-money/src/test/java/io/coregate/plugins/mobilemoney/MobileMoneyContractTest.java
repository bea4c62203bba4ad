package io.coregate.plugins.mobilemoney;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite (plugin-tck) against the simulated provider answering every money request {@code 202} and settling
 * it later, with no callback URL (so only polling settles it): every SPI operation, pending outcomes settled through
 * {@code status}, a retried leg booking once (looked up by its correlation id first), each failure kind, a hanging
 * provider, a 5xx, a lost answer, an error inside a 200, an expired key, a degraded heartbeat, and the simulator's books
 * checked after every test. {@link MobileMoneySyncContractTest} runs it against a provider answering at once.
 */
class MobileMoneyContractTest extends SimulatorContract {

    private MobileMoneySimulator provider;

    /** How the provider answers in this suite. */
    MobileMoneySimulator.Mode mode() {
        return MobileMoneySimulator.Mode.POLLING;
    }

    @Override
    protected Simulator startSimulator() {
        provider = MobileMoneySimulator.start().defaultMode(mode()).settleAfter(Duration.ofMillis(150));
        return provider.simulator();
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new MobileMoneyAdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return context(provider, Map.of());
    }

    /** A tenant on the simulated provider (API key, balance offered, quick polling) with these settings on top. */
    static AdapterContext context(MobileMoneySimulator provider, Map<String, Object> settings) {
        var values = new HashMap<String, Object>();
        values.put("baseUrl", provider.baseUrl());
        values.put("balance", true);
        values.put("checkAfterMillis", 100);
        values.putAll(settings);
        return context(values, secrets(Map.of(MobileMoneySettings.API_KEY, MobileMoneySimulator.API_KEY)));
    }

    /** A tenant with exactly these settings and secrets. */
    static AdapterContext context(Map<String, Object> settings, Secrets secrets) {
        return new AdapterContext("mm-tenant", "mmfsp", Set.of(MobileMoneySimulator.CURRENCY), new Settings(settings), secrets,
                new AccountMapping(Optional.of(MobileMoneySimulator.DISBURSEMENT), Optional.of(MobileMoneySimulator.COLLECTION)),
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
        return new TckParties(PartyId.of("MSISDN", MobileMoneySimulator.BOB.msisdn()), PartyId.of("MSISDN", MobileMoneySimulator.ALICE.msisdn()),
                PartyId.of("MSISDN", "260969999999"), Optional.of(PartyId.of("MSISDN", MobileMoneySimulator.CAROL.msisdn())),
                Money.of("10", MobileMoneySimulator.CURRENCY));
    }

    @Override
    protected boolean answersPending() {
        return mode() != MobileMoneySimulator.Mode.SYNC;
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.complementOf(EnumSet.of(FailureKind.TIMEOUT));
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return switch (operation) {
            case COMMIT_CREDIT, DEBIT -> Optional.of(MobileMoneySimulator.TRANSACTIONS);
            case REFUND -> Optional.of(MobileMoneySimulator.REVERSALS);
            case LOOKUP_PARTY -> Optional.of(MobileMoneySimulator.STATUS);
            case BALANCE -> Optional.of(MobileMoneySimulator.BALANCE);
            default -> Optional.empty();
        };
    }

    @Override
    protected SimResponse vendorError(FailureKind kind) {
        return MobileMoneySimulator.errorFor(kind);
    }

    /** A provider whose heartbeat says {@code degraded}: DEGRADED, and still booking. */
    @Override
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        provider.serviceStatus("degraded");
        return Optional.of(factory().create(context()));
    }

    @Override
    protected Map<String, AdapterContext> invalidContexts() {
        var invalid = new LinkedHashMap<String, AdapterContext>();
        var withoutUrl = new HashMap<>(context().settings().values());
        withoutUrl.remove("baseUrl");
        invalid.put("cbs.settings.baseUrl", context(withoutUrl, secrets(Map.of(MobileMoneySettings.API_KEY, "k"))));
        invalid.put("cbs.secrets.apiKey", context(context().settings().values(), secrets(Map.of())));
        invalid.put("cbs.settings.paymentType", context(provider, Map.of("paymentType", "cashin-at-a-bar")));
        invalid.put("cbs.settings.auth.tokenUrl", context(provider, Map.of("auth", Map.of("type", "oauth2", "clientId", "cg"))));
        invalid.put("cbs.settings.pollLimit", context(provider, Map.of("pollLimit", 0)));
        return invalid;
    }
}
