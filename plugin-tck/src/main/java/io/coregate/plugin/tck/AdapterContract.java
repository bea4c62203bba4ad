package io.coregate.plugin.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.Capability;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
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
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.api.TransactionType;
import io.coregate.plugin.api.TransferContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link CoreBankingAdapter} passes. A plugin's test extends it and supplies its factory, a tenant
 * context and the customers its CBS knows; optional operations are tested where {@code capabilities()} declares them,
 * and CBS misbehaviour where {@link #withFault} can arrange it. Every call is bounded by the context's timeout (an
 * adapter that hangs fails), a {@link CbsException} counts as the failure it carries, and a pending money outcome is
 * settled through {@code status} as the host does.
 *
 * <p>Books are checked through {@code balance} (where declared) and {@link #violations()} after every test.
 * Not thread-safe: JUnit creates one instance per test.
 */
public abstract class AdapterContract {

    private static final Set<FailureKind> NOT_BOOKED_OR_UNKNOWN = Set.of(FailureKind.TIMEOUT, FailureKind.UNAVAILABLE);

    private CoreBankingAdapter adapter;
    private AdapterContext context;

    /** The plugin's factory. */
    protected abstract CoreBankingAdapterFactory factory();

    /** A tenant context for the subject's CBS (called once per test, after the subclass's {@code @BeforeEach}). */
    protected abstract AdapterContext context();

    /** The customers the subject's CBS knows. */
    protected abstract TckParties parties();

    /** The failure kinds the adapter maps from its CBS's errors; each is provoked with {@link TckFault.Refusal}. */
    protected Set<FailureKind> claimedFailureKinds() {
        return Set.of();
    }

    /**
     * Arranges that the next call of {@code operation} meets {@code fault}, and answers the adapter to call then (the same
     * one, or one re-created with fault settings); empty when the subject cannot simulate it (the test is skipped).
     */
    protected Optional<CoreBankingAdapter> withFault(Operation operation, TckFault fault) {
        return Optional.empty();
    }

    /** What is wrong with the CBS's books (money not conserved, a leg booked twice); checked after every test. */
    protected List<String> violations() {
        return List.of();
    }

    /**
     * Configurations the factory's {@code validate} must refuse, each keyed by the field it must name (such as
     * {@code cbs.settings.baseUrl} for a context without it, {@code cbs.secrets.password} for one whose secrets lack
     * it). Empty (the default) skips {@link #eachInvalidConfigurationIsReportedWithItsField}.
     */
    protected Map<String, AdapterContext> invalidContexts() {
        return Map.of();
    }

    /** An adapter whose CBS answers but is impaired, so {@code health} answers DEGRADED; empty when it cannot be simulated. */
    protected Optional<CoreBankingAdapter> degradedAdapter() {
        return Optional.empty();
    }

    /** True when money operations answer {@link Outcome.Pending} (an asynchronous CBS); {@link #pendingSettlesThroughStatus}. */
    protected boolean answersPending() {
        return false;
    }

    /** The subject's adapter, created on first use. */
    protected final CoreBankingAdapter adapter() {
        if (adapter == null) {
            context = context();
            adapter = factory().create(context);
        }
        return adapter;
    }

    @AfterEach
    final void closeAndCheckBooks() {
        if (adapter != null) {
            adapter.close();
        }
        assertEquals(List.of(), violations(), "the CBS's books after the test");
    }

    // ---- lookups, balance, health, status

    @Test
    void looksUpAKnownParty() {
        Party payee = payee();
        assertEquals(parties().payee().idValue(), payee.id().idValue());
        assertFalse(payee.accountNo().isBlank(), "the party's account number");
        assertTrue(payee.status().canTransact(), "an active payee can transact");
    }

    @Test
    void anUnknownPartyIsNotFound() {
        Checks.assertFailed(Set.of(FailureKind.NOT_FOUND), call(() -> adapter().lookupParty(parties().unknown())));
    }

    @Test
    void aBlockedPartyCannotTransact() {
        assumeTrue(parties().blocked().isPresent(), "the subject has no blocked customer");
        Outcome<Party> outcome = call(() -> adapter().lookupParty(parties().blocked().orElseThrow()));
        if (outcome instanceof Outcome.Done<Party> done) {
            assertFalse(done.value().status().canTransact(), "a blocked party's status");
        } else {
            Checks.assertFailed(Set.of(FailureKind.BLOCKED), outcome);
        }
    }

    @Test
    void answersTheBalanceWhereDeclared() {
        assumeTrue(declares(Capability.BALANCE), "BALANCE not declared");
        Money available = Checks.done(call(() -> adapter().balance(payerAccount(), currency()))).available();
        assertEquals(currency(), available.currency());
        assertTrue(available.amount().compareTo(amount().multiply(BigDecimal.TEN)) >= 0, "the payer holds ten times the amount");
    }

    @Test
    void undeclaredOptionalOperationsFailRejected() {
        var request = debitRequest(newTransferId(), amount());
        boolean checked = false;
        if (!declares(Capability.BALANCE)) {
            Checks.assertFailed(Set.of(FailureKind.REJECTED), call(() -> adapter().balance(payerAccount(), currency())));
            checked = true;
        }
        if (!declares(Capability.DEBIT_HOLD)) {
            Checks.assertFailed(Set.of(FailureKind.REJECTED), call(() -> adapter().holdDebit(request)));
            checked = true;
        }
        assumeTrue(checked, "BALANCE and DEBIT_HOLD are both declared");
    }

    @Test
    void reportsHealthy() {
        var health = bounded(() -> adapter().health());
        assertTrue(health.up(), "health: " + health.detail());
    }

    @Test
    void anUnknownTransferHasNoStatus() {
        assumeTrue(declares(Capability.STATUS), "STATUS not declared");
        var status = Checks.done(call(() -> adapter().status(newTransferId(), Optional.empty())));
        assertEquals(TransactionStatus.State.NOT_FOUND, status.state());
    }

    // ---- payee side

    @Test
    void reserveThenCommitCreditsThePayeeOnce() {
        Party payee = payee();
        Optional<BigDecimal> before = available(payee.accountNo());
        String transferId = newTransferId();
        var request = credit(transferId, payee, Optional.empty()).forLeg(Leg.RESERVE, 1);
        Receipt reserved = settle(transferId, call(() -> adapter().reserveCredit(request)));
        var committed = credit(transferId, payee, Optional.of(reserved.cbsReference()));
        Receipt first = settle(transferId, call(() -> adapter().commitCredit(committed.forLeg(Leg.COMMIT, 1))));
        Receipt again = settle(transferId, call(() -> adapter().commitCredit(committed.forLeg(Leg.COMMIT, 2))));
        assertEquals(first, again, "a repeated commit answers the first booking");
        assertMoved(before, payee.accountNo(), amount());
        assertStatus(transferId, first, TransactionStatus.State.COMPLETED);
    }

    @Test
    void releaseAfterReserveMovesNothingAndRepeats() {
        Party payee = payee();
        Optional<BigDecimal> before = available(payee.accountNo());
        String transferId = newTransferId();
        var request = credit(transferId, payee, Optional.empty()).forLeg(Leg.RESERVE, 1);
        Receipt reserved = settle(transferId, call(() -> adapter().reserveCredit(request)));
        var release = credit(transferId, payee, Optional.of(reserved.cbsReference()));
        settle(transferId, call(() -> adapter().releaseCredit(release.forLeg(Leg.RELEASE, 1))));
        settle(transferId, call(() -> adapter().releaseCredit(release.forLeg(Leg.RELEASE, 2))));
        assertMoved(before, payee.accountNo(), BigDecimal.ZERO);
    }

    // ---- payer side

    @Test
    void debitTwiceBooksOnceAndRefundRestores() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        String transferId = newTransferId();
        var request = debitRequest(transferId, amount());
        Receipt first = settle(transferId, call(() -> adapter().debit(request)));
        Receipt again = settle(transferId, call(() -> adapter().debit(retry(request))));
        assertEquals(first, again, "a repeated debit answers the first booking");
        assertMoved(before, account, amount().negate());
        assertStatus(transferId, first, TransactionStatus.State.COMPLETED);
        var refund = request.forLeg(Leg.REFUND, 1, Optional.of(first.cbsReference()));
        settle(transferId, call(() -> adapter().refund(refund)));
        settle(transferId, call(() -> adapter().refund(retry(refund))));
        assertMoved(before, account, BigDecimal.ZERO);
    }

    @Test
    void aDebitBeyondTheFundsFailsAndMovesNothing() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        var request = debitRequest(newTransferId(), amount().multiply(BigDecimal.valueOf(1_000_000_000L)));
        Checks.assertFailed(Set.of(FailureKind.INSUFFICIENT_FUNDS, FailureKind.LIMIT_EXCEEDED), call(() -> adapter().debit(request)));
        assertMoved(before, account, BigDecimal.ZERO);
    }

    @Test
    void holdThenCaptureOrReleaseWhereDeclared() {
        assumeTrue(declares(Capability.DEBIT_HOLD), "DEBIT_HOLD not declared");
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        String captured = newTransferId();
        var held = debitRequest(captured, amount()).forLeg(Leg.HOLD, 1, Optional.empty());
        Receipt hold = settle(captured, call(() -> adapter().holdDebit(held)));
        var capture = held.forLeg(Leg.CAPTURE, 1, Optional.of(hold.cbsReference()));
        Receipt first = settle(captured, call(() -> adapter().captureDebit(capture)));
        assertEquals(first, settle(captured, call(() -> adapter().captureDebit(retry(capture)))), "a repeated capture answers the first");
        assertStatus(captured, first, TransactionStatus.State.COMPLETED);
        String released = newTransferId();
        var heldAgain = debitRequest(released, amount()).forLeg(Leg.HOLD, 1, Optional.empty());
        Receipt second = settle(released, call(() -> adapter().holdDebit(heldAgain)));
        var release = heldAgain.forLeg(Leg.RELEASE_HOLD, 1, Optional.of(second.cbsReference()));
        settle(released, call(() -> adapter().releaseDebit(release)));
        settle(released, call(() -> adapter().releaseDebit(retry(release))));
        assertMoved(before, account, amount().negate());
    }

    // ---- failures and faults

    @TestFactory
    Stream<DynamicTest> eachClaimedFailureKindIsMapped() {
        assumeTrue(!claimedFailureKinds().isEmpty(), "the subject claims no failure kinds");
        return claimedFailureKinds().stream().sorted().map(kind -> DynamicTest.dynamicTest(kind.name(), () -> {
            String account = payerAccount();
            Optional<BigDecimal> before = available(account);
            CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.Refusal(kind));
            Checks.assertFailed(Set.of(kind), call(() -> faulty.debit(debitRequest(newTransferId(), amount()))));
            assertMoved(before, account, BigDecimal.ZERO);
        }));
    }

    @Test
    void aHangingCbsEndsWithinTheTimeout() {
        CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.Hang());
        long started = System.nanoTime();
        Checks.assertFailed(NOT_BOOKED_OR_UNKNOWN, call(() -> faulty.debit(debitRequest(newTransferId(), amount()))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(context.timeout()) <= 0, "answered after " + took.toMillis() + " ms, beyond the host's timeout");
    }

    @Test
    void aServerErrorBooksNothingAndARetryBooksOnce() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.ServerErrorBeforeBooking());
        var request = debitRequest(newTransferId(), amount());
        Checks.assertFailed(NOT_BOOKED_OR_UNKNOWN, call(() -> faulty.debit(request)));
        assertMoved(before, account, BigDecimal.ZERO);
        settle(request.transferId(), call(() -> faulty.debit(retry(request))));
        assertMoved(before, account, amount().negate());
    }

    @Test
    void aLostDebitAnswerIsRetriedWithoutBookingTwice() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.DropAfterBooking());
        var request = debitRequest(newTransferId(), amount());
        Checks.assertDoneOr(NOT_BOOKED_OR_UNKNOWN, call(() -> faulty.debit(request)));
        settle(request.transferId(), call(() -> faulty.debit(retry(request))));
        assertMoved(before, account, amount().negate());
    }

    @Test
    void aLostCommitAnswerIsRetriedWithoutBookingTwice() {
        Party payee = payee();
        Optional<BigDecimal> before = available(payee.accountNo());
        CoreBankingAdapter faulty = faulty(Operation.COMMIT_CREDIT, new TckFault.DropAfterBooking());
        String transferId = newTransferId();
        var request = credit(transferId, payee, Optional.empty()).forLeg(Leg.COMMIT, 1);
        Checks.assertDoneOr(NOT_BOOKED_OR_UNKNOWN, call(() -> faulty.commitCredit(request)));
        settle(transferId, call(() -> faulty.commitCredit(request.forLeg(Leg.COMMIT, 2))));
        assertMoved(before, payee.accountNo(), amount());
    }

    @Test
    void anErrorInsideASuccessIsNotTakenForSuccess() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.ErrorIn200());
        Checks.assertFailed(Set.of(FailureKind.values()), call(() -> faulty.debit(debitRequest(newTransferId(), amount()))));
        assertMoved(before, account, BigDecimal.ZERO);
    }

    @Test
    void anExpiredTokenNeverBooksTwice() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        CoreBankingAdapter faulty = faulty(Operation.DEBIT, new TckFault.ExpiredToken());
        var request = debitRequest(newTransferId(), amount());
        Checks.assertDoneOr(Set.of(FailureKind.values()), call(() -> faulty.debit(request)));
        settle(request.transferId(), call(() -> faulty.debit(retry(request))));
        assertMoved(before, account, amount().negate());
    }

    // ---- per-leg idempotency (plugin API 2.0.0: every money call carries its LegKey)

    @Test
    void aRetriedCreditLegBooksOnceAndEachLegOfTheTransferBooksApart() {
        Party payee = payee();
        Optional<BigDecimal> before = available(payee.accountNo());
        String transferId = newTransferId();
        var reserve = credit(transferId, payee, Optional.empty()).forLeg(Leg.RESERVE, 1);
        Receipt reserved = settle(transferId, call(() -> adapter().reserveCredit(reserve)));
        settle(transferId, call(() -> adapter().reserveCredit(reserve.forLeg(Leg.RESERVE, 2))));
        assertMoved(before, payee.accountNo(), BigDecimal.ZERO);
        var commit = credit(transferId, payee, Optional.of(reserved.cbsReference()));
        for (int attempt = 1; attempt <= 3; attempt++) {
            int n = attempt;
            settle(transferId, call(() -> adapter().commitCredit(commit.forLeg(Leg.COMMIT, n))));
        }
        assertMoved(before, payee.accountNo(), amount());
    }

    @Test
    void aRetriedDebitLegBooksOnceAndTheRefundLegIsNotTakenForARetryOfTheDebit() {
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        String transferId = newTransferId();
        var debit = debitRequest(transferId, amount());
        Receipt taken = settle(transferId, call(() -> adapter().debit(debit)));
        for (int attempt = 2; attempt <= 3; attempt++) {
            int n = attempt;
            settle(transferId, call(() -> adapter().debit(debit.forLeg(Leg.DEBIT, n, Optional.empty()))));
        }
        assertMoved(before, account, amount().negate());
        var refund = debit.forLeg(Leg.REFUND, 1, Optional.of(taken.cbsReference()));
        assertFalse(refund.key().equals(debit.key()), "the refund's key must differ from the debit's: " + refund.key());
        settle(transferId, call(() -> adapter().refund(refund)));
        assertMoved(before, account, BigDecimal.ZERO);
        settle(transferId, call(() -> adapter().refund(refund.forLeg(Leg.REFUND, 2, refund.reference()))));
        assertMoved(before, account, BigDecimal.ZERO);
    }

    // ---- health and onboarding (plugin API 2.0.0)

    @Test
    void healthAnswersAStateConsistentWithUp() {
        var health = bounded(() -> adapter().health());
        assertEquals(health.state() != HealthStatus.State.DOWN, health.up(), "health " + health);
        assertFalse(health.detail().isBlank(), "a health answer explains itself");
    }

    @Test
    void aDegradedCbsIsReportedDegradedAndStillBooks() {
        Optional<CoreBankingAdapter> degraded = degradedAdapter();
        assumeTrue(degraded.isPresent(), "the subject cannot simulate a degraded CBS");
        adapter();
        adapter.close();
        adapter = degraded.get();
        var health = bounded(() -> adapter.health());
        assertEquals(HealthStatus.State.DEGRADED, health.state(), "health " + health);
        assertTrue(health.up(), "a degraded CBS still answers");
        String account = payerAccount();
        Optional<BigDecimal> before = available(account);
        var request = debitRequest(newTransferId(), amount());
        settle(request.transferId(), call(() -> adapter.debit(request)));
        assertMoved(before, account, amount().negate());
    }

    @Test
    void theTenantContextPassesTheFactorysValidation() {
        assertEquals(List.of(), factory().validate(context()), "problems the factory finds in the test's own context");
    }

    @TestFactory
    Stream<DynamicTest> eachInvalidConfigurationIsReportedWithItsField() {
        Map<String, AdapterContext> invalid = invalidContexts();
        assumeTrue(!invalid.isEmpty(), "the subject names no invalid configuration");
        return invalid.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<SettingProblem> problems = factory().validate(entry.getValue());
            assertTrue(problems.stream().anyMatch(p -> p.field().equals(entry.getKey())),
                "expected a problem with " + entry.getKey() + ", got " + problems);
            problems.forEach(p -> assertTrue(p.field().startsWith("cbs.settings") || p.field().startsWith("cbs.secrets")
                || p.field().startsWith("accounts"), "a problem names a field of the tenant document: " + p));
        }));
    }

    @Test
    void supportedIdTypesAreFspiopTypes() {
        Set<String> types = adapter().supportedIdTypes();
        assertFalse(types.isEmpty(), "an adapter looks parties up by at least one id type");
        assertTrue(PartyId.ID_TYPES.containsAll(types), "not FSPIOP id types: " + types);
        assertTrue(types.contains(parties().payee().idType()), "the payee's id type " + parties().payee().idType());
    }

    @Test
    void pendingSettlesThroughStatus() {
        assumeTrue(answersPending(), "the subject does not answer pending");
        String transferId = newTransferId();
        Outcome<Receipt> outcome = call(() -> adapter().debit(debitRequest(transferId, amount())));
        var pending = Checks.assertPending(outcome);
        assertFalse(pending.cbsReference().isBlank(), "a pending outcome's reference");
        assertTrue(!pending.checkAfter().isNegative(), "a pending outcome's checkAfter");
        settle(transferId, outcome);
    }

    // ---- helpers for subclasses and the tests above

    /** A new transfer id. */
    protected static String newTransferId() {
        return UUID.randomUUID().toString();
    }

    /** Calls the adapter within the context's timeout, turning a {@link CbsException} into the failure it carries. */
    protected final <T> Outcome<T> call(Supplier<Outcome<T>> operation) {
        return bounded(() -> {
            try {
                return operation.get();
            } catch (CbsException e) {
                return Outcome.failed(e.kind(), e.getMessage());
            }
        });
    }

    private <T> T bounded(Supplier<T> operation) {
        adapter();
        return assertTimeoutPreemptively(context.timeout().plusMillis(500), operation::get, "the adapter did not answer within its timeout");
    }

    private Receipt settle(String transferId, Outcome<Receipt> outcome) {
        if (outcome instanceof Outcome.Pending<Receipt> pending) {
            TransactionStatus status = Checks.awaitSettled(pending,
                    () -> call(() -> adapter().status(transferId, Optional.of(pending.cbsReference()))));
            assertEquals(TransactionStatus.State.COMPLETED, status.state(), "the pending operation of transfer " + transferId);
            return new Receipt(status.cbsReference().orElse(pending.cbsReference()));
        }
        return Checks.done(outcome);
    }

    private CoreBankingAdapter faulty(Operation operation, TckFault fault) {
        adapter();
        Optional<CoreBankingAdapter> faulty = withFault(operation, fault);
        assumeTrue(faulty.isPresent(), "the subject cannot simulate " + fault + " on " + operation);
        if (faulty.get() != adapter) {
            adapter.close();
            adapter = faulty.get();
        }
        return adapter;
    }

    private boolean declares(Capability capability) {
        return adapter().capabilities().contains(capability);
    }

    private Party payee() {
        return Checks.done(call(() -> adapter().lookupParty(parties().payee())));
    }

    private String payerAccount() {
        return Checks.done(call(() -> adapter().lookupParty(parties().payer()))).accountNo();
    }

    private Optional<BigDecimal> available(String accountNo) {
        if (!declares(Capability.BALANCE)) {
            return Optional.empty();
        }
        return Optional.of(Checks.done(call(() -> adapter().balance(accountNo, currency()))).available().amount());
    }

    private void assertMoved(Optional<BigDecimal> before, String accountNo, BigDecimal delta) {
        before.ifPresent(start -> {
            BigDecimal now = available(accountNo).orElseThrow();
            assertEquals(0, start.add(delta).compareTo(now),
                    () -> "account " + accountNo + " should have moved by " + delta + " from " + start + " but holds " + now);
        });
    }

    private void assertStatus(String transferId, Receipt receipt, TransactionStatus.State expected) {
        if (declares(Capability.STATUS)) {
            var status = Checks.done(call(() -> adapter().status(transferId, Optional.of(receipt.cbsReference()))));
            assertEquals(expected, status.state(), "status of transfer " + transferId);
        }
    }

    /** A debit as the gateway sends it: first attempt of the DEBIT leg, with a context. */
    private DebitRequest debitRequest(String transferId, BigDecimal value) {
        var context = TransferContext.minimal(transferId, Counterparty.of(parties().payer()), Counterparty.of(parties().payee()),
            money(value));
        return new DebitRequest(transferId, parties().payer(), money(value), Optional.empty(),
            Optional.of(LegKey.first(transferId, Leg.DEBIT)), context);
    }

    /** A credit to the payee with a context, before its leg is named with {@link CreditRequest#forLeg}. */
    private CreditRequest credit(String transferId, Party payee, Optional<String> reservation) {
        var context = new TransferContext(transferId, Optional.of(newTransferId()), Optional.empty(), TransactionType.TRANSFER,
            Counterparty.of(parties().payer()), new Counterparty(payee.id(), Optional.of(payee.displayName()), Optional.empty()),
            money(amount()), money(BigDecimal.ZERO), 2, Optional.empty(), Optional.of(payee), Optional.empty());
        return new CreditRequest(transferId, payee, money(amount()), reservation, Optional.of(LegKey.first(transferId, Leg.COMMIT)), context);
    }

    /** The next attempt at the same leg. */
    private static DebitRequest retry(DebitRequest request) {
        LegKey leg = request.leg().orElseThrow();
        return request.forLeg(leg.leg(), leg.attempt() + 1, request.reference());
    }

    private Money money(BigDecimal value) {
        return new Money(value, currency());
    }

    private BigDecimal amount() {
        return parties().amount().amount();
    }

    private String currency() {
        return parties().amount().currency();
    }
}
