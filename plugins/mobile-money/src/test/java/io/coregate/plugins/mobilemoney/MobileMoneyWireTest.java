package io.coregate.plugins.mobilemoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CallbackHandler;
import io.coregate.plugin.api.Counterparty;
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
import io.coregate.plugin.api.TransactionType;
import io.coregate.plugin.api.TransferContext;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Journal;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire: the GSMA paths per operation and scenario, one {@code X-CorrelationID} per leg (reused by a
 * retry, answered {@code duplicateRequest} and then looked up), lookups from the account's status and name, the poll
 * limit, the heartbeat, and the provider's callbacks (late, twice, before the {@code 202}, a decline, an expiry) read
 * back by the adapter's {@link CallbackHandler}.
 */
class MobileMoneyWireTest {

    private MobileMoneySimulator provider;
    private HttpServer receiver;
    private final List<CallbackHandler.Callback> received = new CopyOnWriteArrayList<>();
    private MobileMoneyAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        provider = MobileMoneySimulator.start().settleAfter(Duration.ofMillis(100));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getRawPath();
            received.add(new CallbackHandler.Callback(exchange.getRequestMethod(), path.substring("/t/callbacks/secret-token".length()),
                    Map.of(), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        adapter = adapter(Map.of());
    }

    @AfterEach
    void stop() {
        adapter.close();
        receiver.stop(0);
        provider.close();
        assertEquals(List.of(), provider.simulator().ledger().violations());
    }

    private MobileMoneyAdapter adapter(Map<String, Object> settings) {
        AdapterContext context = MobileMoneyContractTest.context(provider, settings).withCallbackUrl("http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/t/callbacks/secret-token");
        return (MobileMoneyAdapter) new MobileMoneyAdapterFactory().create(context);
    }

    @Test
    void aPaymentIsAMerchantPayAndATransferATransferEachCarryingTheTransferIdAndATheirOwnCorrelationId() {
        provider.defaultMode(MobileMoneySimulator.Mode.SYNC);
        String payment = UUID.randomUUID().toString();
        String transfer = UUID.randomUUID().toString();
        assertInstanceOf(Outcome.Done.class, adapter.debit(debit(payment, TransactionType.PAYMENT, Leg.DEBIT, 1)));
        assertInstanceOf(Outcome.Done.class, adapter.debit(debit(transfer, TransactionType.TRANSFER, Leg.DEBIT, 1)));
        List<Journal.Entry> posts = provider.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS);
        assertEquals(MobileMoneySimulator.BASE + "/transactions/type/merchantpay", posts.get(0).path());
        assertEquals(MobileMoneySimulator.BASE + "/transactions/type/transfer", posts.get(1).path());
        assertTrue(posts.get(0).body().contains("\"requestingOrganisationTransactionReference\":\"" + payment + "\""), posts.get(0).body());
        assertTrue(posts.get(0).body().contains("\"amount\":\"10\""), "amounts travel as strings: " + posts.get(0).body());
        String debitId = Requests.correlationId(LegKey.first(payment, Leg.DEBIT));
        assertEquals(1, provider.simulator().ledger().postings(debitId).size(), "booked under the leg's correlation id");
        assertNotEquals(debitId, Requests.correlationId(LegKey.first(payment, Leg.REFUND)), "a new leg never reuses it");
        assertEquals(debitId, Requests.correlationId(new LegKey(payment, Leg.DEBIT, 3)), "a retry reuses it");
    }

    @Test
    void aReusedCorrelationIdAnsweredDuplicateRequestIsLookedUpNotFailed() {
        provider.defaultMode(MobileMoneySimulator.Mode.SYNC);
        String transferId = UUID.randomUUID().toString();
        Receipt first = done(adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1)));
        // A gateway that crashed mid-call repeats attempt 1: the provider refuses the reused id, the adapter looks it up.
        Receipt again = done(adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1)));
        assertEquals(first, again);
        assertEquals(409, provider.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).get(1).status(), "duplicateRequest");
        assertEquals(1, provider.simulator().journal().of(MobileMoneySimulator.RESPONSES).size());
        assertEquals(1, provider.postings(transferId).size());
    }

    @Test
    void aRetryAsksForTheResponseFirstAndPostsAgainOnlyWhenTheProviderNeverReceivedIt() {
        String transferId = UUID.randomUUID().toString();
        provider.simulator().inject(MobileMoneySimulator.TRANSACTIONS, Fault.serverErrorBeforeBooking(), 1);
        assertEquals(FailureKind.UNAVAILABLE, failed(adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1))).kind());
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 2)));
        assertEquals(List.of(404), provider.simulator().journal().of(MobileMoneySimulator.RESPONSES).stream().map(Journal.Entry::status).toList(),
                "never received: 404");
        assertEquals(pending.cbsReference(), ((Outcome.Pending<?>) adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 3)))
                .cbsReference(), "the third attempt finds the second's request");
        assertEquals(2, provider.simulator().journal().of(MobileMoneySimulator.TRANSACTIONS).size(), "posted twice: the 503 and once more");
    }

    @Test
    void aPendingDebitIsSettledByPollingRequestStateThenTransaction() throws InterruptedException {
        provider.defaultMode(MobileMoneySimulator.Mode.POLLING);
        String transferId = UUID.randomUUID().toString();
        LegKey key = LegKey.first(transferId, Leg.DEBIT);
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1)));
        Thread.sleep(400);
        TransactionStatus status = done(adapter.status(key, Optional.of(pending.cbsReference())));
        assertEquals(TransactionStatus.State.COMPLETED, status.state());
        assertTrue(status.cbsReference().orElseThrow().startsWith("MM"), "the transaction's reference: " + status);
        assertEquals(List.of(), received, "polling only: no callback");
        assertEquals(TransactionStatus.State.NOT_FOUND, done(adapter.status(LegKey.first(transferId, Leg.REFUND), Optional.empty())).state());
    }

    @Test
    void aRefundNamingTheDebitsServerCorrelationIdReversesItsTransaction() throws InterruptedException {
        provider.defaultMode(MobileMoneySimulator.Mode.POLLING);
        String transferId = UUID.randomUUID().toString();
        var before = provider.simulator().ledger().balance(MobileMoneySimulator.ALICE.msisdn());
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1)));
        Thread.sleep(400);
        var refund = debit(transferId, TransactionType.TRANSFER, Leg.REFUND, 1).forLeg(Leg.REFUND, 1, Optional.of(pending.cbsReference()));
        var reversal = assertInstanceOf(Outcome.Pending.class, adapter.refund(refund));
        Thread.sleep(400);
        assertEquals(TransactionStatus.State.COMPLETED, done(adapter.status(LegKey.first(transferId, Leg.REFUND),
                Optional.of(reversal.cbsReference()))).state());
        assertEquals(0, before.compareTo(provider.simulator().ledger().balance(MobileMoneySimulator.ALICE.msisdn())), "given back");
        assertEquals(2, provider.postings(transferId).size(), "the debit and its reversal");
    }

    @Test
    void pollingStopsAtThePollLimitAndWaitsForTheCallback() {
        adapter.close();
        adapter = adapter(Map.of("pollLimit", 2));
        provider.defaultMode(MobileMoneySimulator.Mode.APPROVAL);
        String transferId = UUID.randomUUID().toString();
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(transferId, TransactionType.PAYMENT, Leg.DEBIT, 1)));
        LegKey key = LegKey.first(transferId, Leg.DEBIT);
        assertInstanceOf(Outcome.Pending.class, adapter.status(key, Optional.of(pending.cbsReference())));
        assertInstanceOf(Outcome.Pending.class, adapter.status(key, Optional.of(pending.cbsReference())));
        assertEquals(FailureKind.UNAVAILABLE, failed(adapter.status(key, Optional.of(pending.cbsReference()))).kind());
        assertEquals(2, provider.simulator().journal().of(MobileMoneySimulator.REQUEST_STATES).size());
        provider.expire(transferId);
    }

    @Test
    void callbacksTwiceLateOrBeforeThe202AllNameTheLegAndItsTransaction() throws InterruptedException {
        for (var mode : List.of(MobileMoneySimulator.Mode.CALLBACK_TWICE, MobileMoneySimulator.Mode.CALLBACK_EARLY,
                MobileMoneySimulator.Mode.CALLBACK_LATE)) {
            received.clear();
            provider.defaultMode(mode).lateBy(Duration.ofMillis(300));
            String transferId = UUID.randomUUID().toString();
            assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(transferId, TransactionType.TRANSFER, Leg.DEBIT, 1)));
            if (mode == MobileMoneySimulator.Mode.CALLBACK_EARLY) {
                assertEquals(1, received.size(), "called back before the 202");
            }
            awaitCallbacks(mode == MobileMoneySimulator.Mode.CALLBACK_TWICE ? 2 : 1);
            for (var callback : received) {
                var match = adapter.match(callback).orElseThrow();
                assertEquals(LegKey.first(transferId, Leg.DEBIT).value(), match.reference());
                assertEquals(TransactionStatus.State.COMPLETED, match.status().state());
                assertEquals(provider.postings(transferId).size(), 1);
            }
        }
    }

    @Test
    void aDeclinedOrExpiredApprovalIsCalledBackFailedAndBooksNothing() throws InterruptedException {
        provider.defaultMode(MobileMoneySimulator.Mode.APPROVAL);
        String declined = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(declined, TransactionType.PAYMENT, Leg.DEBIT, 1)));
        assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(expired, TransactionType.PAYMENT, Leg.DEBIT, 1)));
        assertTrue(provider.awaitsApproval(declined));
        provider.decline(declined);
        provider.expire(expired);
        awaitCallbacks(2);
        for (var callback : received) {
            assertEquals(TransactionStatus.State.FAILED, adapter.match(callback).orElseThrow().status().state(), callback.body());
        }
        assertEquals(TransactionStatus.State.FAILED, done(adapter.status(declined, Optional.of(pending.cbsReference()))).state());
        assertEquals(List.of(), provider.postings(declined));
        assertEquals(List.of(), provider.postings(expired));
    }

    @Test
    void callbackBodiesAreReadWithoutTheLegPathToo() {
        var state = new CallbackHandler.Callback("PUT", "", Map.of(), "{\"serverCorrelationId\":\"0b7d2a4e-1d55-4d1f-9c1a-7f7f00000001\","
                + "\"status\":\"completed\",\"objectReference\":\"MM1\",\"notificationMethod\":\"callback\"}");
        var match = adapter.match(state).orElseThrow();
        assertEquals("0b7d2a4e-1d55-4d1f-9c1a-7f7f00000001", match.reference());
        assertEquals(new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of("MM1")), match.status());
        assertEquals(Optional.empty(), adapter.match(new CallbackHandler.Callback("PUT", "/transactions/x", Map.of(), "not json")));
        assertEquals(Optional.empty(), adapter.match(new CallbackHandler.Callback("PUT", "", Map.of(), "{\"transactionStatus\":\"completed\"}")),
                "a transaction without the leg path names nothing");
    }

    @Test
    void lookupsReadStatusThenNameAndAFullNameAloneMakesAParty() {
        Party bob = done(adapter.lookupParty(PartyId.of("MSISDN", MobileMoneySimulator.BOB.msisdn())));
        assertEquals("Bob", bob.firstName());
        assertEquals("Phiri", bob.lastName());
        assertEquals("Bob Phiri", bob.displayName());
        assertEquals(AccountStatus.ACTIVE, bob.status());
        assertEquals(MobileMoneySimulator.BOB.msisdn(), bob.accountNo());
        assertEquals(FailureKind.BLOCKED, failed(adapter.lookupParty(PartyId.of("MSISDN", MobileMoneySimulator.CAROL.msisdn()))).kind());
        assertEquals(FailureKind.NOT_FOUND, failed(adapter.lookupParty(PartyId.of("MSISDN", "260960000000"))).kind());
        assertEquals(FailureKind.NOT_FOUND, failed(adapter.lookupParty(PartyId.of("EMAIL", "a@b.c"))).kind());
    }

    @Test
    void theHeartbeatDecidesHealth() {
        assertEquals(HealthStatus.State.UP, adapter.health().state());
        provider.serviceStatus("degraded");
        assertEquals(HealthStatus.State.DEGRADED, adapter.health().state());
        provider.serviceStatus("unavailable");
        assertEquals(HealthStatus.State.DOWN, adapter.health().state());
    }

    @Test
    void reservationsAndReleasesCallNothing() {
        int before = provider.simulator().journal().entries().size();
        var payee = done(adapter.lookupParty(PartyId.of("MSISDN", MobileMoneySimulator.BOB.msisdn())));
        var credit = new io.coregate.plugin.api.CreditRequest("t1", payee, Money.of("5", "ZMW"), Optional.empty()).forLeg(Leg.RESERVE, 1);
        assertEquals(MobileMoneyAdapter.NO_HOLD, done(adapter.reserveCredit(credit)));
        assertEquals(MobileMoneyAdapter.NO_HOLD, done(adapter.releaseCredit(credit.forLeg(Leg.RELEASE, 1))));
        assertEquals(before + 2, provider.simulator().journal().entries().size(), "only the lookup's two reads");
        assertTrue(adapter.capabilities().stream().noneMatch(c -> c.name().endsWith("_HOLD")), "wallets cannot hold");
    }

    private void awaitCallbacks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, received.size(), "callbacks: " + received);
    }

    private static DebitRequest debit(String transferId, TransactionType type, Leg leg, int attempt) {
        PartyId alice = PartyId.of("MSISDN", MobileMoneySimulator.ALICE.msisdn());
        PartyId bob = PartyId.of("MSISDN", MobileMoneySimulator.BOB.msisdn());
        Money amount = Money.of("10", "ZMW");
        var context = new TransferContext(transferId, Optional.empty(), Optional.empty(), type, Counterparty.of(alice),
                new Counterparty(bob, Optional.of("Bob's shop"), Optional.of("otherfsp")), amount, Money.of("0", "ZMW"), 2, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new DebitRequest(transferId, alice, amount, Optional.empty(), Optional.of(new LegKey(transferId, leg, attempt)), context);
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, () -> "expected done: " + outcome)).value();
    }

    private static Outcome.Failed<?> failed(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected failed: " + outcome);
    }
}
