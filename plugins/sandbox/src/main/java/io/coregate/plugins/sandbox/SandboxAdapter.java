package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.CallbackHandler;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.QuoteAnswer;
import io.coregate.plugin.api.QuoteRequest;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One tenant's view of its sandbox {@link Bank}: applies the configured latency and faults, then books. Typed
 * refusals come back as {@link Outcome.Failed}; only an {@code EXCEPTION} fault throws. Like an adapter whose HTTP
 * client was closed, a closed sandbox adapter books nothing: a call still running when {@link #close()} came (its
 * latency elapsing) answers {@code UNAVAILABLE}, so a host that closes an adapter under a running call is seen.
 *
 * <p>Thread-safe: the bank synchronizes, the closed flag is volatile, everything else is immutable.
 */
final class SandboxAdapter implements CoreBankingAdapter, CallbackHandler {

    private final Bank bank;
    private final CreditDesk credits;
    private final DebitDesk debits;
    private final List<String> houseAccounts;
    private final BigDecimal quoteFee;
    private final FaultPlan faults;
    private final Optional<String> degraded;
    private final Optional<AsyncDesk> async;
    private final boolean holds;
    private volatile boolean closed;

    /**
     * @param accounts the tenant's disbursement and collection accounts (per currency where mapped so; the
     *                 sandbox's {@code DISBURSEMENT} and {@code COLLECTION} where not mapped)
     * @param degraded the reason {@code health} answers DEGRADED, if any
     * @param async    the money operations answered pending, and how they settle, if any
     * @param holds    whether the bank declares holds (a CBS that cannot hold: credit on completion, plain debits)
     */
    SandboxAdapter(Bank bank, AccountMapping accounts, BigDecimal quoteFee, FaultPlan faults, Optional<String> degraded,
                   Optional<AsyncDesk> async, boolean holds) {
        this.bank = bank;
        this.credits = new CreditDesk(bank, currency -> accounts.forCurrency(currency).disbursement()
                .orElse(SandboxAdapterFactory.DEFAULT_DISBURSEMENT));
        this.debits = new DebitDesk(bank, currency -> accounts.forCurrency(currency).collection()
                .orElse(SandboxAdapterFactory.DEFAULT_COLLECTION));
        var house = new java.util.LinkedHashSet<String>();
        house.add(accounts.disbursement().orElse(SandboxAdapterFactory.DEFAULT_DISBURSEMENT));
        house.add(accounts.collection().orElse(SandboxAdapterFactory.DEFAULT_COLLECTION));
        accounts.currencies().values().forEach(entry -> {
            entry.disbursement().ifPresent(house::add);
            entry.collection().ifPresent(house::add);
        });
        this.houseAccounts = List.copyOf(house);
        this.quoteFee = quoteFee;
        this.faults = faults;
        this.degraded = degraded;
        this.async = async;
        this.holds = holds;
    }

    @Override
    public Set<Capability> capabilities() {
        return holds ? Set.of(Capability.BALANCE, Capability.QUOTE, Capability.CREDIT_HOLD, Capability.DEBIT_HOLD, Capability.STATUS)
                : Set.of(Capability.BALANCE, Capability.QUOTE, Capability.STATUS);
    }

    @Override
    public Outcome<Party> lookupParty(PartyId id) {
        return run("lookupParty", customer(id), () -> bank.find(id).map(account -> account.toParty(id))
                .orElseThrow(() -> new CbsException(FailureKind.NOT_FOUND, "no party " + id.idType() + "/" + id.idValue())));
    }

    @Override
    public Outcome<Balance> balance(String accountNo, String currency) {
        Target target = new Target(Optional.empty(), Optional.of(accountNo));
        return run("balance", target, () -> new Balance(accountNo, bank.available(accountNo, currency, houseAccounts)));
    }

    @Override
    public Outcome<QuoteAnswer> quote(QuoteRequest request) {
        return run("quote", payee(request.payee()), () -> new QuoteAnswer(new Money(quoteFee, request.amount().currency())));
    }

    @Override
    public Outcome<Receipt> reserveCredit(CreditRequest request) {
        return money("reserveCredit", payee(request.payee()), request.transferId(),
                () -> credits.check(request), () -> credits.reserve(request));
    }

    @Override
    public Outcome<Receipt> commitCredit(CreditRequest request) {
        return money("commitCredit", payee(request.payee()), request.transferId(),
                () -> credits.check(request), () -> credits.commit(request));
    }

    @Override
    public Outcome<Receipt> releaseCredit(CreditRequest request) {
        return money("releaseCredit", payee(request.payee()), request.transferId(),
                () -> { }, () -> credits.release(request));
    }

    @Override
    public Outcome<Receipt> debit(DebitRequest request) {
        return money("debit", customer(request.payer()), request.transferId(),
                () -> debits.check(request), () -> debits.debit(request));
    }

    @Override
    public Outcome<Receipt> refund(DebitRequest request) {
        return money("refund", customer(request.payer()), request.transferId(),
                () -> { }, () -> debits.refund(request));
    }

    @Override
    public Outcome<Receipt> holdDebit(DebitRequest request) {
        return money("holdDebit", customer(request.payer()), request.transferId(),
                () -> debits.check(request), () -> debits.hold(request));
    }

    @Override
    public Outcome<Receipt> captureDebit(DebitRequest request) {
        return money("captureDebit", customer(request.payer()), request.transferId(),
                () -> { }, () -> debits.capture(request));
    }

    @Override
    public Outcome<Receipt> releaseDebit(DebitRequest request) {
        return money("releaseDebit", customer(request.payer()), request.transferId(),
                () -> { }, () -> debits.release(request));
    }

    @Override
    public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
        return run("status", Target.none(), () -> bank.status(transferId, cbsReference));
    }

    @Override
    public Outcome<TransactionStatus> status(LegKey key, Optional<String> cbsReference) {
        return run("status", Target.none(), () -> bank.legStatus(key, cbsReference));
    }

    @Override
    public HealthStatus health() {
        try {
            faults.before("health", Target.none());
            String detail = "sandbox bank with " + bank.size() + " accounts";
            return degraded.map(reason -> HealthStatus.degraded(detail + "; " + reason)).orElseGet(() -> HealthStatus.up(detail));
        } catch (CbsException e) {
            return HealthStatus.down(e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Reads the bank's own callback ({@code POST <callbackUrl>/sandbox}, a {@link CallbackBody}); side-effect free.
     */
    @Override
    public Optional<CallbackMatch> match(Callback callback) {
        if (!"POST".equals(callback.method()) || !"/sandbox".equals(callback.subPath())) {
            return Optional.empty();
        }
        return CallbackBody.read(callback.body()).map(read -> new CallbackMatch(read.reference(),
                new TransactionStatus(read.state(), read.cbsReference())));
    }

    /**
     * A money operation: faults first, then either answered pending by the async plan (after {@code check}: what the
     * bank refuses at once, such as missing funds now) or booked now (a {@code LOST_RESPONSE} fault then loses the
     * answer).
     */
    private Outcome<Receipt> money(String operation, Target target, String transferId, Runnable check, Supplier<Receipt> booking) {
        try {
            faults.before(operation, target);
            if (closed) {
                return Outcome.failed(FailureKind.UNAVAILABLE, operation + " refused: this sandbox adapter was closed");
            }
            if (async.isPresent() && async.get().selects(operation, target)) {
                check.run();
                return async.get().start(operation, transferId, booking);
            }
            Receipt receipt = booking.get();
            faults.after(operation, target);
            return Outcome.done(receipt);
        } catch (CbsException e) {
            return Outcome.failed(e.kind(), e.getMessage());
        }
    }

    private <T> Outcome<T> run(String operation, Target target, Supplier<T> action) {
        try {
            faults.before(operation, target);
            if (closed) {
                return Outcome.failed(FailureKind.UNAVAILABLE, operation + " refused: this sandbox adapter was closed");
            }
            return Outcome.done(action.get());
        } catch (CbsException e) {
            return Outcome.failed(e.kind(), e.getMessage());
        }
    }

    private Target customer(PartyId id) {
        return new Target(Optional.of(id.idValue()), bank.find(id).map(AccountSpec::accountNo));
    }

    private static Target payee(Party payee) {
        return new Target(Optional.of(payee.id().idValue()), Optional.of(payee.accountNo()));
    }
}
