package io.coregate.plugin.tck.example;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.sim.DuplicatePolicy;
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

/** The contract against the example bank refusing duplicate references. */
class ExampleAdapterContractTest extends SimulatorContract {

    /** How the bank treats a reference it has seen. */
    DuplicatePolicy duplicates() {
        return DuplicatePolicy.REFUSE;
    }

    @Override
    protected Simulator startSimulator() {
        return ExampleBank.start(duplicates());
    }

    @Override
    protected CoreBankingAdapterFactory factory() {
        return new ExampleAdapterFactory();
    }

    @Override
    protected AdapterContext context() {
        return new AdapterContext("example", "example-dfsp", Set.of("ZMW"),
                new Settings(Map.of("baseUrl", simulator().baseUri().toString())),
                name -> name.equals("apiToken") ? Optional.of(ExampleBank.TOKEN) : Optional.empty(),
                new AccountMapping(Optional.of(ExampleBank.FLOAT), Optional.of(ExampleBank.COLLECTION)), Duration.ofSeconds(2));
    }

    @Override
    protected TckParties parties() {
        return new TckParties(PartyId.of("MSISDN", "260971000002"), PartyId.of("MSISDN", "260971000001"),
                PartyId.of("MSISDN", "260979999999"), Optional.of(PartyId.of("MSISDN", "260971000003")), Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.complementOf(EnumSet.of(FailureKind.TIMEOUT));
    }

    @Override
    protected Optional<String> route(Operation operation) {
        return switch (operation) {
            case COMMIT_CREDIT, DEBIT, REFUND -> Optional.of(ExampleBank.TRANSFERS);
            case LOOKUP_PARTY -> Optional.of(ExampleBank.PARTIES);
            default -> Optional.empty();
        };
    }

    @Override
    protected SimResponse vendorError(FailureKind kind) {
        return ExampleBank.errorFor(kind);
    }
}
