package io.coregate.plugins.flexcube;

import io.coregate.plugin.support.narrative.Narratives;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CbsException;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One tenant's Oracle FLEXCUBE UBS. Lookups read the customer account ({@code FCUBSAccService.QueryCustAcc}) and its
 * customer ({@code FCUBSCustomerService.QueryCustomer}); an MSISDN is first turned into an account through the tenant's
 * alias map. Each money leg is one retail teller transaction under the leg's own XREF ({@link Postings}); reservations
 * and debit holds are amount blocks ({@link AmountBlocks}); a refund reverses the debit the same day and is a
 * compensating transaction after. Thread-safe (the client is; the rest is immutable).
 */
final class FlexcubeAdapter implements CoreBankingAdapter {

    private static final String NO_RESERVATION = "none";

    private final FlexcubeSettings settings;
    private final FlexcubeClient bank;
    private final Postings postings;
    private final AmountBlocks blocks;

    FlexcubeAdapter(FlexcubeSettings settings, FlexcubeClient bank) {
        this.settings = settings;
        this.bank = bank;
        this.postings = new Postings(settings, bank);
        this.blocks = new AmountBlocks(settings, bank);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.BALANCE, Capability.STATUS, Capability.CREDIT_HOLD, Capability.DEBIT_HOLD);
    }

    @Override
    public Set<String> supportedIdTypes() {
        return settings.msisdnAccounts().isEmpty() ? Set.of("ACCOUNT_ID") : Set.of("ACCOUNT_ID", "MSISDN");
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return then(accountOf(id), accountNo -> then(account(accountNo, Operation.LOOKUP), account -> {
            String customerNo = account.text("CUSTNO");
            if (customerNo.isBlank()) {
                return Outcome.done(party(id, account, Optional.empty()));
            }
            FlexcubeClient.Answer answer = bank.call("FCUBSCustomerService", "QueryCustomer", "QUERYCUSTOMER_IOFS_REQ",
                    Map.of("Customer-IO", Map.of("CUSTNO", customerNo)), Operation.LOOKUP);
            return then(bank.body(answer), body -> Outcome.done(party(id, account, body.find("Customer-Full"))));
        }));
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        FlexcubeClient.Answer answer = bank.call(AmountBlocks.SERVICE, "QueryAccBal", "QUERYACCBAL_IOFS_REQ",
                Map.of("ACC-Balance", Map.of("ACC_BAL", Map.of("BRANCH_CODE", settings.branch(), "CUST_AC_NO", accountNo))), Operation.QUOTE);
        return then(bank.body(answer), body -> {
            Optional<Soap.Element> balance = body.findAll("ACC_BAL").stream().filter(b -> accountNo.equals(b.text("CUST_AC_NO"))).findFirst();
            if (balance.isEmpty()) {
                return Outcome.failed(FailureKind.NOT_FOUND, "flexcube has no balance of account " + accountNo);
            }
            if (!currency.equals(balance.get().text("CCY"))) {
                return Outcome.failed(FailureKind.UNSUPPORTED_CURRENCY, "flexcube account " + accountNo + " does not hold " + currency);
            }
            return Outcome.done(new Balance(accountNo, new Money(decimal(balance.get().text("AVLBAL")), currency)));
        });
    }

    /** An amount block on the disbursement account: the credit's funds are earmarked until the hub commits. */
    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        LegKey key = request.leg().filter(k -> k.leg() == Leg.RESERVE).orElse(LegKey.first(request.transferId(), Leg.RESERVE));
        return blocks.block(key, settings.disbursement(request.amount().currency()), request.amount(), request.context());
    }

    /** Closes the reservation's block, then credits the customer from the disbursement account (one transaction). */
    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        String disbursement = settings.disbursement(request.amount().currency());
        return then(closeReservation(request, disbursement), closed -> postings.book(request, Leg.COMMIT, settings.creditProduct(),
                disbursement, request.payee().accountNo(), request.amount(), Postings.narrative(Narratives.credited(request.context()))));
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return closeReservation(request, settings.disbursement(request.amount().currency()));
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return then(accountOf(request.payer()), account -> postings.book(request, Leg.DEBIT, settings.debitProduct(), account,
                settings.collection(request.amount().currency()), request.amount(),
                Postings.narrative(Narratives.debited(request.context(), "Mojaloop"))));
    }

    /**
     * Returns the debit (or captured hold): nothing when already returned; {@code ReverseTransaction} of the original the
     * day it was booked; else (or when FCUBS refuses the reversal) a compensating transaction under the refund's XREF.
     * Without a booked original nothing is paid back ({@code NOT_FOUND}); an unauthorised one is refunded once authorised.
     */
    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        String refundXref = postings.xref(LegKey.first(request.transferId(), Leg.REFUND));
        Outcome<Optional<Soap.Element>> compensated = postings.find(refundXref);
        if (!(compensated instanceof Outcome.Done<Optional<Soap.Element>> seen)) {
            return fail(compensated);
        }
        if (seen.value().isPresent()) {
            return then(accountOf(request.payer()), account -> compensate(request, account));
        }
        Outcome<Optional<Soap.Element>> original = original(request.transferId(), request.reference());
        if (!(original instanceof Outcome.Done<Optional<Soap.Element>> found)) {
            return fail(original);
        }
        if (found.value().isEmpty()) {
            return Outcome.failed(FailureKind.NOT_FOUND, "flexcube has no debit of transfer " + request.transferId()
                    + " to refund: nothing is paid back");
        }
        Soap.Element txn = found.value().get();
        if (Postings.reversed(txn)) {
            return Outcome.done(new Receipt(txn.text("FCCREF")));
        }
        if (Postings.state(txn) == TransactionStatus.State.PENDING) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "flexcube debit " + txn.text("FCCREF") + " awaits its checker: it is "
                    + "refunded once authorised");
        }
        boolean sameDay = Postings.date(txn).map(d -> d.equals(LocalDate.now(ZoneOffset.UTC))).orElse(true);
        if (sameDay && Postings.state(txn) == TransactionStatus.State.COMPLETED) {
            Outcome<Receipt> reversed = postings.reverse(txn.text("FCCREF"));
            if (!(reversed instanceof Outcome.Failed<Receipt> failed) || failed.kind() == FailureKind.TIMEOUT
                    || failed.kind() == FailureKind.UNAVAILABLE) {
                return reversed;
            }
        }
        return then(accountOf(request.payer()), account -> compensate(request, account));
    }

    @Override
    public Outcome<Receipt> holdDebit(DebitRequest request) {
        LegKey key = request.leg().filter(k -> k.leg() == Leg.HOLD).orElse(LegKey.first(request.transferId(), Leg.HOLD));
        return then(accountOf(request.payer()), account -> blocks.block(key, account, request.amount(), request.context()));
    }

    /** Closes the hold's block, then moves the amount from the customer to the collection account (one transaction). */
    @Override
    public Outcome<Receipt> captureDebit(DebitRequest request) {
        return then(accountOf(request.payer()), account -> then(blocks.close(request.reference(), account,
                LegKey.first(request.transferId(), Leg.HOLD)), closed -> postings.book(request, Leg.CAPTURE, settings.debitProduct(),
                account, settings.collection(request.amount().currency()), request.amount(),
                Postings.narrative(Narratives.debited(request.context(), "Mojaloop")))));
    }

    @Override
    public Outcome<Receipt> releaseDebit(DebitRequest request) {
        return then(accountOf(request.payer()), account -> blocks.close(request.reference(), account,
                LegKey.first(request.transferId(), Leg.HOLD)));
    }

    /**
     * The transaction the gateway names (by FCC reference); otherwise (or when FCUBS has no such transaction) the ones
     * booked under the transfer's refund, capture, commit and debit XREFs: refunded or reversed is FAILED, booked is
     * COMPLETED, unauthorised is PENDING, none is NOT_FOUND.
     */
    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        if (cbsReference.isPresent()) {
            Outcome<Optional<Soap.Element>> named = postings.byReference(cbsReference.get());
            if (named instanceof Outcome.Done<Optional<Soap.Element>> done && done.value().isPresent()) {
                return Outcome.done(new TransactionStatus(Postings.state(done.value().get()), cbsReference));
            }
            if (named instanceof Outcome.Failed<Optional<Soap.Element>> failed) {
                return Outcome.failed(failed.kind(), failed.message());
            }
        }
        for (Leg leg : List.of(Leg.REFUND, Leg.CAPTURE, Leg.COMMIT, Leg.DEBIT)) {
            Outcome<Optional<Soap.Element>> found = postings.find(postings.xref(LegKey.first(transferId, leg)));
            if (found instanceof Outcome.Failed<Optional<Soap.Element>> failed) {
                return Outcome.failed(failed.kind(), failed.message());
            }
            if (found instanceof Outcome.Done<Optional<Soap.Element>> done && done.value().isPresent()) {
                TransactionStatus.State state = Postings.state(done.value().get());
                var reference = Optional.of(done.value().get().text("FCCREF"));
                return Outcome.done(new TransactionStatus(leg == Leg.REFUND && state == TransactionStatus.State.COMPLETED
                        ? TransactionStatus.State.FAILED : state, reference));
            }
        }
        return Outcome.done(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()));
    }

    /**
     * One leg's state, by its XREF: a posting leg is its transaction's state (a pending one by its FCC reference); a refund
     * is COMPLETED when compensated or when its original was reversed; a reservation is COMPLETED while its block exists, its
     * release once the block is closed. A debit hold and its release go through the SPI's default (the customer's account
     * is not known from the key alone; re-sending them is safe: a retried hold finds its block, a closed block closes).
     */
    @Override
    public Outcome<TransactionStatus> status(LegKey key, Optional<String> cbsReference) {
        return switch (key.leg()) {
            case COMMIT, DEBIT, CAPTURE -> legStatus(postings.find(postings.xref(key)), cbsReference);
            case REFUND -> {
                Outcome<TransactionStatus> compensated = legStatus(postings.find(postings.xref(key)), Optional.empty());
                if (!(compensated instanceof Outcome.Done<TransactionStatus> done) || done.value().state() != TransactionStatus.State.NOT_FOUND) {
                    yield compensated;
                }
                Outcome<Optional<Soap.Element>> original = original(key.transferId(), Optional.empty());
                yield then(original, txn -> Outcome.done(txn.filter(Postings::reversed)
                        .map(t -> new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(t.text("FCCREF"))))
                        .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()))));
            }
            case RESERVE -> then(blocks.find(disbursement(), settings.references().key(key)), block -> Outcome.done(block
                    .map(b -> new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(b.text("AMTBLKNO"))))
                    .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()))));
            case RELEASE -> then(blocks.find(disbursement(), settings.references().key(LegKey.first(key.transferId(), Leg.RESERVE))),
                    block -> Outcome.done(block.filter(b -> "C".equals(b.text("STATUS")))
                            .map(b -> new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(b.text("AMTBLKNO"))))
                            .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, Optional.empty()))));
            default -> CoreBankingAdapter.super.status(key, cbsReference);
        };
    }

    /**
     * UP when the disbursement account's balance answers; DEGRADED when it answers after more than half the health call's
     * deadline (FCUBS slow, e.g. during end of day); DOWN with the reason otherwise.
     */
    @Override
    public HealthStatus health() {
        Optional<String> account = settings.accounts().disbursement()
                .or(() -> settings.accounts().currencies().values().stream().flatMap(a -> a.disbursement().stream()).findFirst());
        if (account.isEmpty()) {
            return HealthStatus.down("flexcube: no disbursement account to check");
        }
        long started = System.nanoTime();
        if (account(account.get(), Operation.HEALTH) instanceof Outcome.Failed<Soap.Element> failed) {
            return HealthStatus.down(failed.message());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return took.compareTo(settings.httpTimeout(Operation.HEALTH).dividedBy(2)) > 0
                ? HealthStatus.degraded("flexcube answers slowly: " + took.toMillis() + " ms for the disbursement account")
                : HealthStatus.up("flexcube answers for the disbursement account");
    }

    @Override
    public void close() {
        bank.close();
    }

    private String disbursement() {
        return settings.accounts().disbursement()
                .or(() -> settings.accounts().currencies().values().stream().flatMap(a -> a.disbursement().stream()).findFirst())
                .orElse("");
    }

    private Outcome<Receipt> closeReservation(CreditRequest request, String disbursement) {
        Optional<String> number = request.reservation().filter(r -> !r.equals(NO_RESERVATION));
        return blocks.close(number, disbursement, LegKey.first(request.transferId(), Leg.RESERVE));
    }

    private Outcome<Receipt> compensate(DebitRequest request, String account) {
        return postings.book(request, Leg.REFUND, settings.creditProduct(), settings.collection(request.amount().currency()), account,
                request.amount(), Postings.narrative(Narratives.debited(request.context(), "Refund")));
    }

    /** The debit (or capture) a refund returns: by the reference the gateway gave, else by the legs' XREFs. */
    private Outcome<Optional<Soap.Element>> original(String transferId, Optional<String> reference) {
        if (reference.isPresent()) {
            Outcome<Optional<Soap.Element>> named = postings.byReference(reference.get());
            if (!(named instanceof Outcome.Done<Optional<Soap.Element>> done) || done.value().isPresent()) {
                return named;
            }
        }
        Outcome<Optional<Soap.Element>> debit = postings.find(postings.xref(LegKey.first(transferId, Leg.DEBIT)));
        if (!(debit instanceof Outcome.Done<Optional<Soap.Element>> done) || done.value().isPresent()) {
            return debit;
        }
        return postings.find(postings.xref(LegKey.first(transferId, Leg.CAPTURE)));
    }

    private static Outcome<TransactionStatus> legStatus(Outcome<Optional<Soap.Element>> found, Optional<String> reference) {
        return then(found, txn -> Outcome.done(txn
                .map(t -> new TransactionStatus(Postings.state(t), Optional.of(t.text("FCCREF"))))
                .orElse(new TransactionStatus(TransactionStatus.State.NOT_FOUND, reference.filter(r -> false)))));
    }

    /** The FCUBS account behind a party id: ACCOUNT_ID itself, an MSISDN through the settings' alias map. */
    private Outcome<String> accountOf(PartyId id) {
        if ("ACCOUNT_ID".equals(id.idType())) {
            return Outcome.done(id.idValue());
        }
        if (!"MSISDN".equals(id.idType())) {
            return Outcome.failed(FailureKind.NOT_FOUND, "flexcube looks parties up by ACCOUNT_ID and MSISDN, not " + id.idType());
        }
        String mapped = settings.msisdnAccounts().get(id.idValue());
        return mapped == null ? Outcome.failed(FailureKind.NOT_FOUND, "no FLEXCUBE account is mapped to MSISDN " + id.idValue())
                : Outcome.done(mapped);
    }

    private Outcome<Soap.Element> account(String accountNo, Operation kind) {
        FlexcubeClient.Answer answer = bank.call(AmountBlocks.SERVICE, "QueryCustAcc", "QUERYCUSTACC_IOFS_REQ",
                Map.of("Cust-Account-IO", Map.of("BRN", settings.branch(), "ACC", accountNo)), kind);
        return then(bank.body(answer), body -> body.find("Cust-Account-Full").filter(a -> accountNo.equals(a.text("ACC")))
                .<Outcome<Soap.Element>>map(Outcome::done)
                .orElse(Outcome.failed(FailureKind.NOT_FOUND, "flexcube has no account " + accountNo)));
    }

    private Party party(PartyId id, Soap.Element account, Optional<Soap.Element> customer) {
        String description = account.text("ADESC");
        Optional<Soap.Element> personal = customer.flatMap(c -> c.find("Custpersonal"));
        String first = personal.map(p -> p.text("FSTNAME")).filter(n -> !n.isBlank()).orElse("");
        String last = personal.map(p -> p.text("LSTNAME")).filter(n -> !n.isBlank()).orElse("");
        Optional<String> middle = personal.map(p -> p.text("MIDNAME")).filter(n -> !n.isBlank());
        String full = customer.map(c -> c.text("FULLNAME")).filter(n -> !n.isBlank())
                .orElse(first.isBlank() ? description : (first + " " + last).strip());
        if (first.isBlank()) {
            first = full;
        }
        Optional<LocalDate> born = personal.map(p -> p.text("DOB")).filter(d -> !d.isBlank()).flatMap(FlexcubeAdapter::date);
        return new Party(id, account.text("ACC"), first, middle, last, full.isBlank() ? description : full, born,
                Set.of(account.text("CCY")), status(account, customer), Optional.empty());
    }

    /** CLOSED, DORMANT, or BLOCKED (frozen, no-debit, no-credit, or a frozen customer); ACTIVE otherwise. */
    private static AccountStatus status(Soap.Element account, Optional<Soap.Element> customer) {
        if ("C".equalsIgnoreCase(account.text("RECORD_STAT"))) {
            return AccountStatus.CLOSED;
        }
        if (yes(account, "DORM")) {
            return AccountStatus.DORMANT;
        }
        if (yes(account, "FROZEN") || yes(account, "NODR") || yes(account, "NOCR")
                || customer.map(c -> yes(c, "FROZEN")).orElse(false)) {
            return AccountStatus.BLOCKED;
        }
        return AccountStatus.ACTIVE;
    }

    private static boolean yes(Soap.Element element, String flag) {
        return "Y".equalsIgnoreCase(element.text(flag));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static <A> Outcome<Receipt> fail(Outcome<A> outcome) {
        return outcome instanceof Outcome.Failed<A> f ? Outcome.failed(f.kind(), f.message())
                : Outcome.failed(FailureKind.TIMEOUT, "flexcube: the original transaction is not settled yet");
    }

    /** Continues with the value of a done outcome; a failure (or pending) passes through unchanged. */
    private static <A, B> Outcome<B> then(Outcome<A> outcome, Function<A, Outcome<B>> next) {
        return switch (outcome) {
            case Outcome.Done<A> done -> next.apply(done.value());
            case Outcome.Failed<A> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<A> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** An amount FCUBS wrote as a decimal string; zero when absent. */
    static BigDecimal decimal(String amount) {
        try {
            return amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new CbsException(FailureKind.REJECTED, "flexcube answered an amount that is not a number: " + amount);
        }
    }
}
