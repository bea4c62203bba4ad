package io.coregate.plugin.tck.example;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The example bank's adapter. Each money leg is one {@code POST /transfers} whose reference is the call's leg key
 * ({@code request.key()}: {@code <transferId>-commit}, {@code -debit}, {@code -refund}); a reference the bank has
 * seen is answered from {@code GET /transfers/{reference}}, so a retry of a leg books once and each leg books apart.
 * The bank cannot hold: reserve and release are no-ops.
 * Thread-safe.
 */
final class ExampleAdapter implements CoreBankingAdapter {

    private final ExampleClient client;
    private final String disbursement;
    private final String collection;

    ExampleAdapter(ExampleClient client, String disbursement, String collection) {
        this.client = client;
        this.disbursement = disbursement;
        this.collection = collection;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.BALANCE, Capability.STATUS);
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return switch (client.get("/parties/" + ExampleClient.segment(id.idType()) + "/" + ExampleClient.segment(id.idValue()))) {
            case Outcome.Done<JsonNode> done -> Outcome.done(party(id, done.value()));
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.failed(FailureKind.REJECTED, "a lookup cannot be pending");
        };
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        return switch (client.get("/accounts/" + ExampleClient.segment(accountNo) + "/balance")) {
            case Outcome.Done<JsonNode> done -> done.value().path("currency").asText().equals(currency)
                    ? Outcome.done(new Balance(accountNo, Money.of(done.value().path("available").asText(), currency)))
                    : Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "account " + accountNo + " does not hold " + currency);
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.failed(FailureKind.REJECTED, "a balance cannot be pending");
        };
    }

    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return Outcome.done(new Receipt("no-hold:" + request.transferId()));
    }

    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        return book(request.key(), disbursement, request.payee().accountNo(), request.amount());
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return Outcome.done(new Receipt("no-hold:" + request.transferId()));
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return withAccount(request.payer(), account -> book(request.key(), account, collection, request.amount()));
    }

    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        return withAccount(request.payer(), account -> book(request.key(), collection, account, request.amount()));
    }

    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        for (Leg leg : new Leg[] {Leg.REFUND, Leg.COMMIT, Leg.DEBIT}) {
            Outcome<JsonNode> found = client.get("/transfers/" + ExampleClient.segment(LegKey.first(transferId, leg).value()));
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

    @Override
    public HealthStatus health() {
        return client.get("/health") instanceof Outcome.Failed<JsonNode> failed
                ? HealthStatus.down(failed.message())
                : HealthStatus.up("the example bank answers");
    }

    @Override
    public void close() {
        client.close();
    }

    private Outcome<Receipt> withAccount(PartyId payer, java.util.function.Function<String, Outcome<Receipt>> then) {
        return switch (lookupParty(payer)) {
            case Outcome.Done<Party> done -> then.apply(done.value().accountNo());
            case Outcome.Failed<Party> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<Party> pending -> Outcome.failed(FailureKind.REJECTED, "a lookup cannot be pending");
        };
    }

    private Outcome<Receipt> book(String reference, String from, String to, Money amount) {
        Outcome<JsonNode> answer = client.post("/transfers", Map.of("reference", reference, "debit", from, "credit", to,
                "amount", amount.plain(), "currency", amount.currency()));
        if (answer instanceof Outcome.Failed<JsonNode> failed && failed.message().contains("DUPLICATE_REFERENCE")) {
            answer = client.get("/transfers/" + ExampleClient.segment(reference));
        }
        return switch (answer) {
            case Outcome.Done<JsonNode> done -> Outcome.done(new Receipt(done.value().path("id").asText()));
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
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
        return new Party(id, body.path("accountNo").asText(), first, Optional.empty(), last, (first + " " + last).trim(),
                Optional.empty(), Set.of(body.path("currency").asText()), status, Optional.empty());
    }
}
