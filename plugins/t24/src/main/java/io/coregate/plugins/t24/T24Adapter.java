package io.coregate.plugins.t24;

import io.coregate.plugin.support.narrative.Narratives;
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
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One tenant's Temenos Transact. Lookups read the account ({@code GET /holdings/accounts/{accountId}}) and its customer
 * ({@code GET /party/customers/{customerId}}); an MSISDN is first turned into an account through the tenant's alias
 * source. Each money leg is one payment order under the leg's own {@code orderingReference} ({@link PaymentOrders}),
 * looked up before any retry because T24 books a repeated order twice; reservations are locked amounts on the
 * disbursement account where the bank exposes them ({@link Locks}), else nothing and the credit happens at commit.
 * Thread-safe (the client is; the rest is immutable).
 */
final class T24Adapter implements CoreBankingAdapter {

    private final T24Settings settings;
    private final T24Client bank;
    private final PaymentOrders orders;
    private final Locks locks;

    T24Adapter(T24Settings settings, T24Client bank) {
        this.settings = settings;
        this.bank = bank;
        this.orders = new PaymentOrders(settings, bank);
        this.locks = new Locks(settings, bank);
    }

    @Override
    public Set<Capability> capabilities() {
        return locks.enabled() ? Set.of(Capability.BALANCE, Capability.STATUS, Capability.CREDIT_HOLD)
                : Set.of(Capability.BALANCE, Capability.STATUS);
    }

    @Override
    public Set<String> supportedIdTypes() {
        return settings.msisdnAccounts().isEmpty() && settings.msisdnSearchPath().isEmpty() ? Set.of("ACCOUNT_ID")
                : Set.of("ACCOUNT_ID", "MSISDN");
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return then(accountOf(id), accountId -> then(account(accountId, Operation.LOOKUP), account -> {
            String customerId = account.path("customerId").asText("");
            if (customerId.isBlank()) {
                return Outcome.done(party(id, account, Optional.empty()));
            }
            return then(bank.get(T24Client.path("/party/customers/{customerId}", Map.of("customerId", customerId)), Operation.LOOKUP),
                    customer -> Outcome.done(party(id, account, Optional.of(customer.path("body").path(0)))));
        }));
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        return then(account(accountNo, Operation.QUOTE), account -> {
            if (!currency.equals(account.path("currencyId").asText())) {
                return Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "t24 account " + accountNo + " does not hold " + currency);
            }
            BigDecimal available = decimal(account.path("availableBalance")).subtract(decimal(account.path("lockedAmount")));
            return Outcome.done(new Balance(accountNo, new Money(available, currency)));
        });
    }

    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return locks.lock(request);
    }

    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        return then(locks.unlock(request), unlocked -> orders.book(request, Leg.COMMIT, settings.disbursement(request.amount().currency()),
                request.payee().accountNo(), request.amount(), Narratives.credited(request.context())));
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return locks.unlock(request);
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return then(accountOf(request.payer()), account -> orders.book(request, Leg.DEBIT, account,
                settings.collection(request.amount().currency()), request.amount(), Narratives.debited(request.context(), "Mojaloop")));
    }

    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        return then(accountOf(request.payer()), account -> orders.book(request, Leg.REFUND, settings.collection(request.amount().currency()),
                account, request.amount(), Narratives.debited(request.context(), "Refund")));
    }

    /**
     * The order's state when the gateway names it; otherwise (or when T24 has no such order) the orders booked under the
     * transfer's refund, commit and debit references: refunded is FAILED, credited or debited is COMPLETED, none is NOT_FOUND.
     */
    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        if (cbsReference.isPresent() && !cbsReference.get().equals(Locks.NO_LOCK.cbsReference())) {
            Outcome<TransactionStatus> order = orders.status(cbsReference.get());
            if (!(order instanceof Outcome.Failed<TransactionStatus> failed && failed.kind() == FailureKind.NOT_FOUND)) {
                return order;
            }
        }
        for (Leg leg : List.of(Leg.REFUND, Leg.COMMIT, Leg.DEBIT)) {
            Outcome<Optional<JsonNode>> found = orders.find(PaymentOrders.REFERENCES.key(LegKey.first(transferId, leg)));
            if (found instanceof Outcome.Failed<Optional<JsonNode>> failed) {
                return Outcome.failed(failed.kind(), failed.message());
            }
            if (found instanceof Outcome.Done<Optional<JsonNode>> done && done.value().isPresent()) {
                TransactionStatus.State state = PaymentOrders.state(done.value().get());
                var reference = Optional.of(done.value().get().path("paymentOrderId").asText());
                return Outcome.done(new TransactionStatus(leg == Leg.REFUND && state == TransactionStatus.State.COMPLETED
                        ? TransactionStatus.State.FAILED : state, reference));
            }
        }
        return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
    }

    /**
     * UP when the tenant's disbursement account answers; DEGRADED when it answers after more than half the health
     * call's deadline (T24 slow, e.g. during close of business); DOWN with the reason otherwise.
     */
    @Override
    public HealthStatus health() {
        Optional<String> account = settings.accounts().disbursement()
                .or(() -> settings.accounts().currencies().values().stream().flatMap(a -> a.disbursement().stream()).findFirst());
        if (account.isEmpty()) {
            return HealthStatus.down("t24: no disbursement account to check");
        }
        long started = System.nanoTime();
        if (account(account.get(), Operation.HEALTH) instanceof Outcome.Failed<JsonNode> failed) {
            return HealthStatus.down(failed.message());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return took.compareTo(settings.httpTimeout(Operation.HEALTH).dividedBy(2)) > 0
                ? HealthStatus.degraded("t24 answers slowly: " + took.toMillis() + " ms for the disbursement account")
                : HealthStatus.up("t24 answers for the disbursement account");
    }

    @Override
    public void close() {
        bank.close();
    }

    /** The T24 account behind a party id: ACCOUNT_ID itself, an MSISDN through the settings' map or the customer search. */
    private Outcome<String> accountOf(PartyId id) {
        if ("ACCOUNT_ID".equals(id.idType())) {
            return Outcome.done(id.idValue());
        }
        if (!"MSISDN".equals(id.idType())) {
            return Outcome.failed(FailureKind.NOT_FOUND, "t24 looks parties up by ACCOUNT_ID and MSISDN, not " + id.idType());
        }
        String mapped = settings.msisdnAccounts().get(id.idValue());
        if (mapped != null) {
            return Outcome.done(mapped);
        }
        if (settings.msisdnSearchPath().isEmpty()) {
            return Outcome.failed(FailureKind.NOT_FOUND, "no T24 account is mapped to MSISDN " + id.idValue());
        }
        String search = T24Client.path(settings.msisdnSearchPath().get(), Map.of("msisdn", id.idValue()));
        return then(bank.get(search, Operation.LOOKUP), found -> {
            JsonNode customers = found.path("body");
            if (customers.size() != 1) {
                return Outcome.failed(customers.isEmpty() ? FailureKind.NOT_FOUND : FailureKind.REJECTED, "t24 knows "
                        + customers.size() + " customers with MSISDN " + id.idValue());
            }
            String customerId = customers.path(0).path("customerId").asText();
            return then(bank.get(T24Client.path("/holdings/customers/{customerId}/accounts/", Map.of("customerId", customerId)),
                    Operation.LOOKUP), accounts -> accounts.path("body").path(0).path("accountId").asText("").isBlank()
                    ? Outcome.failed(FailureKind.NOT_FOUND, "t24 customer " + customerId + " has no account")
                    : Outcome.done(accounts.path("body").path(0).path("accountId").asText()));
        });
    }

    private Outcome<JsonNode> account(String accountId, Operation kind) {
        return then(bank.get(T24Client.path("/holdings/accounts/{accountId}", Map.of("accountId", accountId)), kind),
                envelope -> envelope.path("body").path(0).isObject()
                        ? Outcome.done(envelope.path("body").path(0))
                        : Outcome.failed(FailureKind.NOT_FOUND, "t24 has no account " + accountId));
    }

    private Party party(PartyId id, JsonNode account, Optional<JsonNode> customer) {
        String display = account.path("displayName").asText("");
        String last = customer.map(c -> c.path("lastName").asText("")).orElse("");
        String full = customer.map(c -> c.path("customerName").asText("")).filter(n -> !n.isBlank()).orElse(display);
        String first = customer.map(c -> c.path("firstName").asText("")).filter(n -> !n.isBlank())
                .orElse(!last.isBlank() && full.endsWith(last) ? full.substring(0, full.length() - last.length()).strip() : full);
        Optional<LocalDate> born = customer.map(c -> c.path("dateOfBirth").asText("")).filter(d -> !d.isBlank()).flatMap(T24Adapter::date);
        return new Party(id, account.path("accountId").asText(), first, Optional.empty(), last, display.isBlank() ? full : display, born,
                Set.of(account.path("currencyId").asText()), status(account, customer), Optional.empty());
    }

    /** BLOCKED when the account carries a posting restriction; else what the tenant maps the customer's status to. */
    private AccountStatus status(JsonNode account, Optional<JsonNode> customer) {
        JsonNode restrictions = account.path("postingRestrictions");
        if ((restrictions.isArray() && !restrictions.isEmpty()) || !account.path("postingRestrict").asText("").isBlank()) {
            return AccountStatus.BLOCKED;
        }
        return customer.map(c -> settings.customerStatuses().get(c.path("status").asText(""))).orElse(AccountStatus.ACTIVE);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Continues with the value of a done outcome; a failure (or pending) passes through unchanged. */
    private static <A, B> Outcome<B> then(Outcome<A> outcome, Function<A, Outcome<B>> next) {
        return switch (outcome) {
            case Outcome.Done<A> done -> next.apply(done.value());
            case Outcome.Failed<A> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<A> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** An amount T24 wrote as a number or as a decimal string; zero when absent. */
    static BigDecimal decimal(JsonNode amount) {
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        try {
            return amount.asText("").isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.asText().strip());
        } catch (NumberFormatException e) {
            throw new io.coregate.plugin.api.CbsException(FailureKind.REJECTED, "t24 answered an amount that is not a number: " + amount);
        }
    }
}
