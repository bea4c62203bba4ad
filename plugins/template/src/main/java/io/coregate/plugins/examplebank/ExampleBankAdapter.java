package io.coregate.plugins.examplebank;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.support.keys.Leg;
import io.coregate.plugin.support.keys.LegKeys;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One tenant's examplebank. Each money leg is one {@code POST /v1/transfers} under the leg's own idempotency key
 * ({@code <transferId>-commit}, {@code -debit}, {@code -refund}), so a repeated call books once and a refund never
 * reuses the debit's key. The bank cannot earmark: {@code reserveCredit} and {@code releaseCredit} book nothing and the
 * credit happens at commit. Thread-safe (the client is; the rest is immutable).
 */
final class ExampleBankAdapter implements CoreBankingAdapter {

    private static final LegKeys KEYS = LegKeys.standard();
    private static final Receipt NO_HOLD = new Receipt("examplebank-no-hold");

    private final ExampleBankSettings settings;
    private final ExampleBankClient bank;

    ExampleBankAdapter(ExampleBankSettings settings, ExampleBankClient bank) {
        this.settings = settings;
        this.bank = bank;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.BALANCE, Capability.STATUS);
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return then(bank.get("parties", id.idType(), id.idValue()), body -> Outcome.done(party(id, body)));
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        return then(bank.get("accounts", accountNo, "balance"), body -> body.path("currency").asText().equals(currency)
                ? Outcome.done(new Balance(accountNo, Money.of(body.path("available").asText(), currency)))
                : Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "examplebank account " + accountNo + " does not hold " + currency));
    }

    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return Outcome.done(NO_HOLD);
    }

    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        return book(request.transferId(), Leg.COMMIT, settings.disbursement(), request.payee().accountNo(), request.amount());
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return Outcome.done(NO_HOLD);
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return then(lookupParty(request.payer()),
                payer -> book(request.transferId(), Leg.DEBIT, payer.accountNo(), settings.collection(), request.amount()));
    }

    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        return then(lookupParty(request.payer()),
                payer -> book(request.transferId(), Leg.REFUND, settings.collection(), payer.accountNo(), request.amount()));
    }

    /** A refunded transfer has FAILED; one whose credit or debit is booked has COMPLETED; else the bank has none. */
    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        for (Leg leg : new Leg[] {Leg.REFUND, Leg.COMMIT, Leg.DEBIT}) {
            Outcome<JsonNode> found = bank.get("transfers", KEYS.key(transferId, leg));
            if (found instanceof Outcome.Done<JsonNode> done) {
                var state = leg == Leg.REFUND ? TransactionStatus.State.FAILED : TransactionStatus.State.COMPLETED;
                return Outcome.done(new TransactionStatus(state, Optional.of(done.value().path("id").asText())));
            }
            if (found instanceof Outcome.Failed<JsonNode> failed && failed.kind() != FailureKind.NOT_FOUND) {
                return Outcome.failed(failed.kind(), failed.message());
            }
        }
        return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
    }

    /**
     * One leg's posting, looked up by its own key: booked (COMPLETED, its id as reference) or not (NOT_FOUND). Unlike
     * the transfer's status, a debit stays COMPLETED after its refund, and a refund or commit is answered too. The
     * reservation legs post nothing and are always COMPLETED.
     */
    @Override
    public Outcome<TransactionStatus> status(LegKey key, Optional<String> cbsReference) {
        if (key.leg() == io.coregate.plugin.api.Leg.RESERVE || key.leg() == io.coregate.plugin.api.Leg.RELEASE) {
            return Outcome.done(new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(NO_HOLD.cbsReference())));
        }
        Outcome<JsonNode> found = bank.get("transfers", KEYS.key(key));
        if (found instanceof Outcome.Failed<JsonNode> failed && failed.kind() == FailureKind.NOT_FOUND) {
            return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
        }
        return then(found, body -> Outcome.done(new TransactionStatus(TransactionStatus.State.COMPLETED,
                Optional.of(body.path("id").asText()))));
    }

    @Override
    public HealthStatus health() {
        return bank.get("health") instanceof Outcome.Failed<JsonNode> failed
                ? HealthStatus.down(failed.message())
                : HealthStatus.up("examplebank answers");
    }

    @Override
    public void close() {
        bank.close();
    }

    private Outcome<Receipt> book(String transferId, Leg leg, String from, String to, Money amount) {
        Map<String, String> posting = Map.of("debitAccount", from, "creditAccount", to, "amount", amount.plain(),
                "currency", amount.currency(), "narrative", "Mojaloop transfer " + transferId);
        return then(bank.postTransfer(KEYS.key(transferId, leg), posting), body -> Outcome.done(new Receipt(body.path("id").asText())));
    }

    /** Continues with the value of a done outcome; a failure (or pending) passes through unchanged. */
    private static <A, B> Outcome<B> then(Outcome<A> outcome, Function<A, Outcome<B>> next) {
        return switch (outcome) {
            case Outcome.Done<A> done -> next.apply(done.value());
            case Outcome.Failed<A> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<A> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    private static Party party(PartyId id, JsonNode body) {
        AccountStatus status;
        try {
            status = AccountStatus.valueOf(body.path("status").asText());
        } catch (IllegalArgumentException e) {
            status = AccountStatus.BLOCKED;
        }
        String first = body.path("firstName").asText("");
        String last = body.path("lastName").asText("");
        return new Party(id, body.path("accountNo").asText(), first, Optional.empty(), last, (first + " " + last).strip(),
                Optional.empty(), Set.of(body.path("currency").asText()), status, Optional.empty());
    }
}
