package io.coregate.plugins.fineract;

import static io.coregate.plugins.fineract.Outcomes.then;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.MoneyCall;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.support.keys.Leg;
import io.coregate.plugin.support.keys.LegKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's Fineract. Credits and debits are each one {@code POST /accounttransfers} (an atomic two-leg booking)
 * between the customer's savings account and the tenant's disbursement or collection savings account; a debit hold is
 * a {@code holdAmount} on the payer's account, captured by releasing it and transferring in one atomic
 * {@code POST /batches?enclosingTransaction=true}, or released with {@code releaseAmount}. Every command carries its
 * leg's {@code Idempotency-Key} (at most 50 characters: Fineract's column), so a repeated call books once and a refund
 * never replays the debit. Amounts Fineract would round ({@code inMultiplesOf}, decimal places) are refused. The bank
 * cannot earmark a credit: {@code reserveCredit} checks the payee's account can take the amount and books nothing.
 * Thread-safe.
 */
final class FineractAdapter implements CoreBankingAdapter {

    /** Fineract keeps an idempotency key in a column of 50 characters. */
    static final LegKeys KEYS = new LegKeys(50, LegKeys.Charset.ALPHANUMERIC_DASH, LegKeys.LegStyle.NAME);
    /** How many of the latest account transfers {@link #status} searches for a leg's key. */
    static final int STATUS_SCAN = 500;
    /** The legs that book an account transfer, the one that decides the state first. */
    private static final List<Leg> STATUS_LEGS = List.of(Leg.REFUND, Leg.COMMIT, Leg.CAPTURE, Leg.DEBIT);

    private static final Receipt NO_HOLD = new Receipt("fineract-no-hold");

    private final FineractSettings settings;
    private final FineractClient fineract;
    private final FineractCustomers customers;
    private final FineractWire wire;
    private final Set<String> currencies;

    FineractAdapter(FineractSettings settings, FineractClient fineract, FineractWire wire, Set<String> currencies) {
        this.settings = settings;
        this.fineract = fineract;
        this.customers = new FineractCustomers(settings, fineract);
        this.wire = wire;
        this.currencies = Set.copyOf(currencies);
    }

    @Override
    public Set<Capability> capabilities() {
        return settings.debitHolds() ? Set.of(Capability.BALANCE, Capability.STATUS, Capability.DEBIT_HOLD)
                : Set.of(Capability.BALANCE, Capability.STATUS);
    }

    @Override
    public Set<String> supportedIdTypes() {
        return FineractCustomers.ID_TYPES;
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return customers.party(id, currencies);
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        return then(accountId(accountNo), id -> then(customers.account(id), account -> account.currency().equals(currency)
                ? Outcome.done(new Balance(accountNo, new Money(account.available(), currency)))
                : Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "Fineract savings account " + accountNo + " does not hold " + currency)));
    }

    /** Books nothing: checks that the payee's account takes credits, and exactly this amount, before the hub commits. */
    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return then(payeeAccount(request), payee -> payee.creditable() ? Outcome.done(NO_HOLD)
                : Outcome.failed(FailureKind.BLOCKED, "Fineract savings account " + payee.id() + " does not take credits (" + payee.status() + ")"));
    }

    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        return then(payeeAccount(request), payee -> then(tenantAccount(true, request.amount()),
                disbursement -> transfer(request, Leg.COMMIT, disbursement, payee, request.amount())));
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return Outcome.done(NO_HOLD);
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return then(payerAccount(request), payer -> then(tenantAccount(false, request.amount()),
                collection -> transfer(request, Leg.DEBIT, payer, collection, request.amount())));
    }

    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        return then(payerAccount(request), payer -> then(tenantAccount(false, request.amount()),
                collection -> transfer(request, Leg.REFUND, collection, payer, request.amount())));
    }

    /**
     * Places a hold; refused when {@code debitHolds} is off. Capture and release stay available then, so holds placed
     * before the setting changed still end.
     */
    @Override
    public Outcome<Receipt> holdDebit(DebitRequest request) {
        if (!settings.debitHolds()) {
            return Outcome.failed(FailureKind.REJECTED, "holdDebit is off for this tenant (cbs.settings.debitHolds is false)");
        }
        String key = key(request, Leg.HOLD);
        return then(payerAccount(request), payer -> then(
                fineract.post("savingsaccounts/" + payer.id() + "/transactions", Map.of("command", "holdAmount"),
                        wire.hold(request.amount(), narrative(request, key)), key),
                body -> Outcome.done(new Receipt(HoldReference.of(payer.id(), body.path("resourceId").asLong()).text()))));
    }

    /** Releases the hold and transfers the amount to the collection account in one atomic batch. */
    @Override
    public Outcome<Receipt> captureDebit(DebitRequest request) {
        String key = key(request, Leg.CAPTURE);
        return then(hold(request), hold -> then(payerAccount(request), payer -> then(tenantAccount(false, request.amount()),
                collection -> {
                    var items = List.of(
                            FineractWire.batchItem(1, hold.path() + "?command=releaseAmount", key, fineract.json(wire.release())),
                            FineractWire.batchItem(2, "accounttransfers", key,
                                    fineract.json(wire.transfer(payer, collection, request.amount(), narrative(request, key)))));
                    return then(fineract.post("batches", Map.of("enclosingTransaction", "true"), items, key),
                            answers -> batchReceipt(answers));
                })));
    }

    @Override
    public Outcome<Receipt> releaseDebit(DebitRequest request) {
        String key = key(request, Leg.RELEASE_HOLD);
        return then(hold(request), hold -> then(
                fineract.post(hold.path(), Map.of("command", "releaseAmount"), wire.release(), key),
                body -> Outcome.done(new Receipt(hold.text()))));
    }

    /**
     * Searches the latest account transfers for the transfer's legs by the key at the end of their description, then (an
     * older transfer) the one the receipt names: a refund means the transfer FAILED; a commit, capture or debit that it
     * COMPLETED; none, NOT_FOUND.
     */
    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        var query = Map.of("offset", "0", "limit", Integer.toString(STATUS_SCAN), "orderBy", "id", "sortOrder", "DESC");
        return then(fineract.get("accounttransfers", query), page -> {
            for (Leg leg : STATUS_LEGS) {
                for (JsonNode item : page.path("pageItems")) {
                    if (isLeg(item, transferId, leg)) {
                        return Outcome.done(status(leg, item));
                    }
                }
            }
            Optional<String> receipt = cbsReference.filter(ref -> ref.matches("[1-9][0-9]{0,17}"));
            if (receipt.isEmpty()) {
                return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
            }
            return then(fineract.get("accounttransfers/" + receipt.get(), Map.of()), item -> Outcome.done(STATUS_LEGS.stream()
                    .filter(leg -> isLeg(item, transferId, leg)).findFirst().map(leg -> status(leg, item))
                    .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()))));
        });
    }

    private static boolean isLeg(JsonNode transfer, String transferId, Leg leg) {
        return transfer.path("transferDescription").asText().endsWith(" " + KEYS.key(transferId, leg))
                && !transfer.path("reversed").asBoolean(false);
    }

    private static TransactionStatus status(Leg leg, JsonNode transfer) {
        var state = leg == Leg.REFUND ? TransactionStatus.State.FAILED : TransactionStatus.State.COMPLETED;
        return new TransactionStatus(state, Optional.of(transfer.path("id").asText()));
    }

    @Override
    public HealthStatus health() {
        String currency = currencies.stream().sorted().findFirst().orElse("");
        return switch (customers.account(settings.account(true, currency))) {
            case Outcome.Done<FineractAccount> done -> done.value().status().canTransact()
                    ? HealthStatus.up("Fineract answers; disbursement account " + done.value().id() + " is active")
                    : HealthStatus.degraded("Fineract answers, but disbursement account " + done.value().id() + " is " + done.value().status());
            case Outcome.Failed<FineractAccount> failed -> HealthStatus.down(failed.message());
            case Outcome.Pending<FineractAccount> pending -> HealthStatus.degraded("Fineract answered pending");
        };
    }

    @Override
    public void close() {
        fineract.close();
    }

    private Outcome<Receipt> transfer(MoneyCall request, Leg leg, FineractAccount from, FineractAccount to, Money amount) {
        String key = key(request, leg);
        return then(fineract.post("accounttransfers", Map.of(), wire.transfer(from, to, amount, narrative(request, key)), key),
                body -> Outcome.done(new Receipt(body.path("resourceId").asText())));
    }

    /** The batch's answer: every item 2xx (its receipt the transfer's id), else the first item's error. */
    private Outcome<Receipt> batchReceipt(JsonNode answers) {
        String transferId = "";
        for (JsonNode answer : answers) {
            int status = answer.path("statusCode").asInt(0);
            JsonNode body = fineract.parse(answer.path("body").asText("{}"));
            if (status < 200 || status >= 300) {
                return fineract.refused("POST /batches item " + answer.path("requestId").asText(), status, body);
            }
            if (answer.path("requestId").asLong() == 2) {
                transferId = body.path("resourceId").asText("");
            }
        }
        return transferId.isEmpty()
                ? Outcome.failed(FailureKind.TIMEOUT, "Fineract's batch answer has no account transfer: the outcome is unknown")
                : Outcome.done(new Receipt(transferId));
    }

    private Outcome<FineractAccount> payeeAccount(CreditRequest request) {
        return then(accountId(request.payee().accountNo()), id -> then(customers.account(id), account -> account.accepts(request.amount())));
    }

    private Outcome<FineractAccount> payerAccount(DebitRequest request) {
        return then(customers.party(request.payer(), Set.of(request.amount().currency())), payer -> then(accountId(payer.accountNo()),
                id -> then(customers.account(id), account -> account.accepts(request.amount()))));
    }

    private Outcome<FineractAccount> tenantAccount(boolean disbursement, Money amount) {
        return customers.account(settings.account(disbursement, amount.currency()));
    }

    private static Outcome<HoldReference> hold(DebitRequest request) {
        return request.reference().flatMap(HoldReference::parse)
                .<Outcome<HoldReference>>map(Outcome::done)
                .orElseGet(() -> Outcome.failed(FailureKind.REJECTED, "no Fineract hold reference (savingsId/transactionId) for transfer "
                        + request.transferId() + ": got " + request.reference().orElse("none")));
    }

    private static Outcome<Long> accountId(String accountNo) {
        return accountNo.matches("[1-9][0-9]{0,17}") ? Outcome.done(Long.parseLong(accountNo))
                : Outcome.failed(FailureKind.NOT_FOUND, "no Fineract savings account " + accountNo);
    }

    private static String key(MoneyCall request, Leg leg) {
        return request.leg().map(KEYS::key).orElseGet(() -> KEYS.key(request.transferId(), leg));
    }

    private static String narrative(MoneyCall request, String key) {
        var context = request.context();
        String payer = context.payer().name().orElse(context.payer().id().idValue());
        return ("Mojaloop " + context.type() + " " + payer).strip() + " " + key;
    }
}
