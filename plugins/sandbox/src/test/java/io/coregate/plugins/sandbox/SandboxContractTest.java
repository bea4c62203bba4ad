package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.tck.AdapterContract;
import io.coregate.plugin.tck.Operation;
import io.coregate.plugin.tck.TckFault;
import io.coregate.plugin.tck.TckParties;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The plugin contract against the sandbox; failure kinds are provoked with its {@code faults} setting. */
class SandboxContractTest extends AdapterContract {

    private final SandboxAdapterFactory factory = new SandboxAdapterFactory();

    @Override
    protected CoreBankingAdapterFactory factory() {
        return factory;
    }

    @Override
    protected AdapterContext context() {
        return Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of()));
    }

    @Override
    protected TckParties parties() {
        return new TckParties(Fixtures.BOB, Fixtures.ALICE, Fixtures.NOBODY, Optional.of(Fixtures.CAROL), Money.of("10", "ZMW"));
    }

    @Override
    protected Set<FailureKind> claimedFailureKinds() {
        return EnumSet.allOf(FailureKind.class);
    }

    @Override
    protected Map<String, AdapterContext> invalidContexts() {
        var bad = new java.util.HashMap<String, Object>(Fixtures.account(Fixtures.ALICE, "SB-9", "A", "B", "1", "ACTIVE"));
        bad.remove("currency");
        return Map.of(
            "cbs.settings.quoteFee", Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("quoteFee", "-1"))),
            "cbs.settings.houseCreditLine", Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("houseCreditLine", "lots"))),
            "cbs.settings.accounts[1]", Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("accounts",
                List.of(Fixtures.accounts().getFirst(), bad)))),
            "cbs.settings.latencyMillis", Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("latencyMillis", "-5"))),
            "cbs.settings.faults[0]", Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("faults",
                List.of(Map.of("operation", "debit", "kind", "SOMETIMES"))))));
    }

    @Override
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        return Optional.of(factory.create(Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("degraded", "simulated backlog")))));
    }

    @Override
    protected Optional<CoreBankingAdapter> withFault(Operation operation, TckFault fault) {
        if (!(fault instanceof TckFault.Refusal refusal) || operation != Operation.DEBIT) {
            return Optional.empty();
        }
        List<Object> faults = List.of(Map.of("operation", "debit", "kind", refusal.kind().name(), "times", 1));
        return Optional.of(factory.create(Fixtures.context(Fixtures.TENANT, Fixtures.settings(Map.of("faults", faults)))));
    }
}
