package io.coregate.plugins.fineract;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import java.util.Map;
import java.util.Optional;

/** A simulated Fineract and one tenant's adapter on it, and money calls built as the gateway builds them. */
final class Fixture implements AutoCloseable {

    final FineractSimulator fineract = FineractSimulator.start();
    final CoreBankingAdapter adapter;

    Fixture(Map<String, Object> settings) {
        adapter = new FineractAdapterFactory().create(FineractContractTest.context(fineract, settings));
    }

    Fixture() {
        this(Map.of());
    }

    static PartyId msisdn(FineractSimulator.Customer customer) {
        return PartyId.of("MSISDN", customer.msisdn());
    }

    static Money zmw(String amount) {
        return Money.of(amount, "ZMW");
    }

    Party party(FineractSimulator.Customer customer) {
        return done(adapter.lookupParty(msisdn(customer)));
    }

    CreditRequest credit(String transferId, FineractSimulator.Customer payee, Money amount, Leg leg, int attempt) {
        return new CreditRequest(transferId, party(payee), amount, Optional.empty()).forLeg(leg, attempt);
    }

    static DebitRequest debit(String transferId, FineractSimulator.Customer payer, Money amount, Leg leg, int attempt,
                              Optional<String> reference) {
        return new DebitRequest(transferId, msisdn(payer), amount, Optional.empty()).forLeg(leg, attempt, reference);
    }

    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new AssertionError("expected done, got " + outcome);
    }

    static Outcome.Failed<?> failed(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Failed<?> failed) {
            return failed;
        }
        throw new AssertionError("expected a failure, got " + outcome);
    }

    @Override
    public void close() {
        adapter.close();
        fineract.simulator().close();
    }
}
