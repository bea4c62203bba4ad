package io.coregate.bench;

import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.QuoteRequest;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugins.sandbox.SandboxAdapterFactory;
import io.coregate.plugin.api.Settings;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline of the payee sequence without the gateway: the sandbox adapter called in this process, the same four
 * steps (lookup, quote, reserve credit, commit credit) with nothing durable. Its rate is what the CBS side alone allows.
 */
final class SandboxInProcess implements AutoCloseable {

    static final int CALLS = 4;

    private final CoreBankingAdapter adapter;

    SandboxInProcess() {
        this.adapter = new SandboxAdapterFactory().create(new AdapterContext("sandbox-baseline", "bankA", Set.of("ZMW"),
            new Settings(Map.of("accounts", Tenants.standardAccounts())), name -> Optional.empty(), AccountMapping.none(),
            Duration.ofSeconds(2)));
    }

    /** One sequence. */
    boolean sequence(Samples samples) throws Exception {
        Party alice = done(samples.time(() -> adapter.lookupParty(PartyId.of("MSISDN", Payee.ALICE))));
        Money one = Money.of("1", "ZMW");
        done(samples.time(() -> adapter.quote(new QuoteRequest(Payee.id(), Payee.id(), alice, one, AmountType.SEND))));
        String transferId = Payee.id();
        Receipt held = done(samples.time(() -> adapter.reserveCredit(new CreditRequest(transferId, alice, one, Optional.empty()))));
        done(samples.time(() -> adapter.commitCredit(new CreditRequest(transferId, alice, one, Optional.of(held.cbsReference())))));
        return true;
    }

    private static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("sandbox answered " + outcome);
    }

    @Override
    public void close() {
        adapter.close();
    }
}
