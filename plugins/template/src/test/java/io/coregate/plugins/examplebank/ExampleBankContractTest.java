package io.coregate.plugins.examplebank;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugin.tck.Operation;
import io.coregate.plugin.tck.SimulatorContract;
import io.coregate.plugin.tck.TckParties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite (plugin-tck) against the simulated examplebank: every SPI operation, idempotency under retries, each
 * failure kind, a hanging bank, a 5xx, a lost answer, an error inside a 200, an expired token, and the simulator's books
 * checked after every test.
 */
class ExampleBankContractTest extends SimulatorContract {

    @Override
    protected Simulator startSimulator() {
        return ExampleBankSimulator.start();
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new ExampleBankAdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return context(simulator(), Map.of());
    }

    /** A tenant on the simulated bank with these settings besides its {@code baseUrl}. */
    static AdapterContext context(Simulator bank, Map<String, Object> settings) {
        var values = new java.util.HashMap<String, Object>(settings);
        values.putIfAbsent("baseUrl", bank.baseUri().toString());
        return new AdapterContext("example-tenant", "examplefsp", Set.of("ZMW"), new Settings(values),
                name -> ExampleBankSettings.TOKEN_SECRET.equals(name) ? Optional.of(ExampleBankSimulator.TOKEN) : Optional.empty(),
                new AccountMapping(Optional.of(ExampleBankSimulator.FLOAT), Optional.of(ExampleBankSimulator.COLLECTION)),
                Duration.ofSeconds(2));
    }

    @Override
    protected TckParties parties() {
        return new TckParties(msisdn(ExampleBankSimulator.BOB), msisdn(ExampleBankSimulator.ALICE), PartyId.of("MSISDN", "260979999999"),
                Optional.of(msisdn(ExampleBankSimulator.CAROL)), Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.complementOf(EnumSet.of(FailureKind.TIMEOUT));
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return switch (operation) {
            case COMMIT_CREDIT, DEBIT, REFUND -> Optional.of(ExampleBankSimulator.TRANSFERS);
            case LOOKUP_PARTY -> Optional.of(ExampleBankSimulator.PARTIES);
            default -> Optional.empty();
        };
    }

    @Override
    protected SimResponse vendorError(FailureKind kind) {
        return ExampleBankSimulator.errorFor(kind);
    }

    private static PartyId msisdn(ExampleBankSimulator.Customer customer) {
        return PartyId.of("MSISDN", customer.msisdn());
    }
}
