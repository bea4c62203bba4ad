package io.coregate.plugins.fineract;

import static io.coregate.plugins.fineract.Fixture.debit;
import static io.coregate.plugins.fineract.Fixture.done;
import static io.coregate.plugins.fineract.Fixture.failed;
import static io.coregate.plugins.fineract.Fixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Journal;
import io.coregate.plugin.sim.Posting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches Fineract: one command per leg under its own Idempotency-Key of at most 50 characters, locale and date
 * format on every command, a lost answer or a request still in progress retried without booking twice, amounts Fineract
 * would round refused, and an atomic capture.
 */
class FineractWireTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void checkBooks() {
        f.close();
        assertEquals(List.of(), f.fineract.simulator().ledger().violations());
    }

    @Test
    void eachLegIsOneCommandUnderItsOwnKeyAndTheRefundReallyRefunds() {
        String transferId = UUID.randomUUID().toString();
        BigDecimal alice = f.fineract.balance(FineractSimulator.ALICE.savingsId());
        done(f.adapter.commitCredit(f.credit(transferId, FineractSimulator.BOB, zmw("10"), Leg.COMMIT, 1)));
        Receipt debited = done(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("25"), Leg.DEBIT, 1, Optional.empty())));
        assertEquals(0, alice.subtract(new BigDecimal("25")).compareTo(f.fineract.balance(FineractSimulator.ALICE.savingsId())));
        done(f.adapter.refund(debit(transferId, FineractSimulator.ALICE, zmw("25"), Leg.REFUND, 1, Optional.of(debited.cbsReference()))));
        assertEquals(0, alice.compareTo(f.fineract.balance(FineractSimulator.ALICE.savingsId())), "the refund gave the debit back");
        List<String> keys = f.fineract.simulator().ledger().postings().stream().map(Posting::legKey)
                .filter(k -> k.startsWith(transferId)).toList();
        assertEquals(List.of(transferId + "-commit", transferId + "-debit", transferId + "-refund"), keys);
        for (Journal.Entry entry : f.fineract.simulator().journal().of(FineractSimulator.TRANSFERS)) {
            assertTrue(entry.body().contains("\"locale\":\"en\"") && entry.body().contains("\"dateFormat\":\"yyyy-MM-dd\""), entry.body());
        }
    }

    @Test
    void aLongTransferIdGivesKeysOfAtMostFiftyCharactersDistinctPerLeg() {
        String transferId = "01J9Z8Q4V6N3X2R7T5M1K0H8G6-" + UUID.randomUUID();
        Receipt debited = done(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("5"), Leg.DEBIT, 1, Optional.empty())));
        done(f.adapter.refund(debit(transferId, FineractSimulator.ALICE, zmw("5"), Leg.REFUND, 1, Optional.of(debited.cbsReference()))));
        var postings = f.fineract.simulator().ledger().postings().stream().filter(p -> !p.legKey().startsWith("open:")).toList();
        assertEquals(2, postings.size());
        postings.forEach(p -> assertTrue(p.legKey().length() <= 50, p.legKey()));
        assertNotEquals(postings.get(0).legKey(), postings.get(1).legKey());
    }

    @Test
    void aRetryAfterTheAnswerWasLostBooksOnce() {
        f.fineract.simulator().inject(FineractSimulator.TRANSFERS, Fault.dropAfterBooking(), 1);
        String transferId = UUID.randomUUID().toString();
        var lost = failed(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 1, Optional.empty())));
        assertEquals(FailureKind.TIMEOUT, lost.kind());
        Receipt retried = done(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 2, Optional.empty())));
        assertEquals(1, f.fineract.transfers().size(), "account transfers booked");
        assertEquals(Long.toString(f.fineract.transfers().getFirst().id()), retried.cbsReference());
        assertEquals(2, f.fineract.simulator().journal().of(FineractSimulator.TRANSFERS).size(), "both attempts reached Fineract");
    }

    @Test
    void aRequestStillInProgressIsAnsweredTimeoutAndBooksOnce() throws Exception {
        f.fineract.slowCommands(Duration.ofMillis(1000));
        String transferId = UUID.randomUUID().toString();
        var first = CompletableFuture.supplyAsync(() ->
                f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 1, Optional.empty())));
        Thread.sleep(400);
        var second = failed(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 2, Optional.empty())));
        assertEquals(FailureKind.TIMEOUT, second.kind(), second.message());
        assertTrue(second.message().contains("409"), second.message());
        done(first.get());
        f.fineract.slowCommands(Duration.ZERO);
        done(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 3, Optional.empty())));
        assertEquals(1, f.fineract.transfers().size());
    }

    @Test
    void anAmountFineractWouldRoundIsRefusedBeforeAnythingIsSent() {
        f.fineract.inMultiplesOf(FineractSimulator.BOB.savingsId(), new BigDecimal("5"));
        String transferId = UUID.randomUUID().toString();
        var reserve = failed(f.adapter.reserveCredit(f.credit(transferId, FineractSimulator.BOB, zmw("12"), Leg.RESERVE, 1)));
        assertEquals(FailureKind.REJECTED, reserve.kind());
        assertTrue(reserve.message().contains("not a multiple of 5"), reserve.message());
        assertEquals(FailureKind.REJECTED, failed(f.adapter.commitCredit(f.credit(transferId, FineractSimulator.BOB, zmw("12"),
                Leg.COMMIT, 1))).kind());
        assertEquals(FailureKind.REJECTED, failed(f.adapter.commitCredit(f.credit(transferId, FineractSimulator.BOB, zmw("10.001"),
                Leg.COMMIT, 2))).kind(), "more decimals than the currency keeps");
        assertEquals(List.of(), f.fineract.simulator().journal().of(FineractSimulator.TRANSFERS), "nothing was sent to be rounded");
        done(f.adapter.commitCredit(f.credit(UUID.randomUUID().toString(), FineractSimulator.BOB, zmw("15"), Leg.COMMIT, 1)));
        assertEquals(0, new BigDecimal("115").compareTo(f.fineract.balance(FineractSimulator.BOB.savingsId())));
    }

    @Test
    void aCaptureReleasesAndTransfersAtomically() {
        BigDecimal before = f.fineract.available(FineractSimulator.ALICE.savingsId());
        String transferId = UUID.randomUUID().toString();
        Receipt hold = done(f.adapter.holdDebit(debit(transferId, FineractSimulator.ALICE, zmw("30"), Leg.HOLD, 1, Optional.empty())));
        assertEquals(0, before.subtract(new BigDecimal("30")).compareTo(f.fineract.available(FineractSimulator.ALICE.savingsId())));
        f.fineract.subStatus(FineractSimulator.COLLECTION, "blockCredit");
        var capture = debit(transferId, FineractSimulator.ALICE, zmw("30"), Leg.CAPTURE, 1, Optional.of(hold.cbsReference()));
        assertEquals(FailureKind.BLOCKED, failed(f.adapter.captureDebit(capture)).kind());
        assertEquals(0, before.subtract(new BigDecimal("30")).compareTo(f.fineract.available(FineractSimulator.ALICE.savingsId())),
                "the refused batch kept the hold: nothing released, nothing transferred");
        assertEquals(List.of(), f.fineract.transfers());
        f.fineract.subStatus(FineractSimulator.COLLECTION, "none");
        var again = debit(transferId, FineractSimulator.ALICE, zmw("30"), Leg.CAPTURE, 2, Optional.of(hold.cbsReference()));
        done(f.adapter.captureDebit(again));
        assertEquals(0, before.subtract(new BigDecimal("30")).compareTo(f.fineract.balance(FineractSimulator.ALICE.savingsId())));
        assertEquals(0, f.fineract.balance(FineractSimulator.ALICE.savingsId()).compareTo(f.fineract.available(FineractSimulator.ALICE.savingsId())),
                "the hold is released");
        String batch = f.fineract.simulator().journal().of(FineractSimulator.BATCHES).getLast().body();
        assertTrue(batch.contains("releaseAmount") && batch.contains("accounttransfers") && batch.contains(transferId + "-capture"), batch);
        assertTrue(f.fineract.simulator().journal().of(FineractSimulator.BATCHES).stream()
                .allMatch(e -> e.path().endsWith("/batches")), "batches posted");
    }

    @Test
    void theStatusOfATransferIsFoundByItsLegKeys() {
        String transferId = UUID.randomUUID().toString();
        Receipt debited = done(f.adapter.debit(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 1, Optional.empty())));
        var completed = done(f.adapter.status(transferId, Optional.empty()));
        assertEquals(TransactionStatus.State.COMPLETED, completed.state());
        assertEquals(Optional.of(debited.cbsReference()), completed.cbsReference());
        done(f.adapter.refund(debit(transferId, FineractSimulator.ALICE, zmw("10"), Leg.REFUND, 1, Optional.of(debited.cbsReference()))));
        assertEquals(TransactionStatus.State.FAILED, done(f.adapter.status(transferId, Optional.empty())).state());
        String older = UUID.randomUUID().toString();
        Receipt olderDebit = done(f.adapter.debit(debit(older, FineractSimulator.ALICE, zmw("10"), Leg.DEBIT, 1, Optional.empty())));
        done(f.adapter.commitCredit(f.credit(UUID.randomUUID().toString(), FineractSimulator.BOB, zmw("1"), Leg.COMMIT, 1)));
        f.fineract.transferPageLimit(1);
        assertEquals(TransactionStatus.State.NOT_FOUND, done(f.adapter.status(older, Optional.empty())).state(), "beyond the scan");
        var byReceipt = done(f.adapter.status(older, Optional.of(olderDebit.cbsReference())));
        assertEquals(TransactionStatus.State.COMPLETED, byReceipt.state(), "found by the receipt's transfer id");
        assertEquals(TransactionStatus.State.NOT_FOUND, done(f.adapter.status(transferId, Optional.of(olderDebit.cbsReference()))).state(),
                "another transfer's receipt is not this transfer's");
    }

    @Test
    void lookupsFindExactlyOneClientByItsMobileNumberAndTheAccountOfTheProductAndCurrency() {
        var alice = f.party(FineractSimulator.ALICE);
        assertEquals(Long.toString(FineractSimulator.ALICE.savingsId()), alice.accountNo(), "the wallet product, not the other product");
        assertEquals("Alice Banda", alice.displayName());
        assertEquals(Long.toString(FineractSimulator.BOB.savingsId()), f.party(FineractSimulator.BOB).accountNo(), "ZMW, not USD");
        assertEquals(FailureKind.NOT_FOUND, failed(f.adapter.lookupParty(
                PartyId.of("MSISDN", FineractSimulator.SHARED_MSISDN))).kind(), "two clients share it");
        assertEquals(FailureKind.NOT_FOUND, failed(f.adapter.lookupParty(
                PartyId.of("MSISDN", FineractSimulator.EXTERNAL_ID_ONLY))).kind(), "a hit on another field");
        var byAccount = done(f.adapter.lookupParty(PartyId.of("ACCOUNT_ID", "12")));
        assertEquals("Bob Phiri", byAccount.displayName());
        assertEquals(FailureKind.NOT_FOUND, failed(f.adapter.lookupParty(PartyId.of("ACCOUNT_ID", "999"))).kind());
        assertEquals(AccountStatus.BLOCKED, f.party(FineractSimulator.CAROL).status());
        assertEquals(AccountStatus.BLOCKED, f.party(FineractSimulator.DAN).status());
        assertEquals(AccountStatus.BLOCKED, f.party(FineractSimulator.EVE).status());
        assertEquals(AccountStatus.DORMANT, f.party(FineractSimulator.FAY).status());
    }

    @Test
    void everyRequestCarriesCredentialsAndTheTenantAndWrongOnesAreRefused() {
        try (var wrongPassword = new Fixture(Map.of())) {
            var adapter = new FineractAdapterFactory().create(FineractContractTest.context(wrongPassword.fineract, Map.of(),
                    FineractContractTest.secrets(Map.of("password", "wrong")), accounts()));
            var refused = failed(adapter.lookupParty(Fixture.msisdn(FineractSimulator.ALICE)));
            assertEquals(FailureKind.UNAVAILABLE, refused.kind());
            assertTrue(refused.message().contains("credentials"), refused.message());
            adapter.close();
            var otherTenant = new FineractAdapterFactory().create(FineractContractTest.context(wrongPassword.fineract,
                    Map.of("tenantIdentifier", "other")));
            assertEquals(FailureKind.REJECTED, failed(otherTenant.lookupParty(Fixture.msisdn(FineractSimulator.ALICE))).kind());
            otherTenant.close();
        }
        assertTrue(f.adapter.health().up());
        assertFalse(f.fineract.simulator().journal().entries().stream().anyMatch(e -> e.status() == 401 || e.status() == 400),
                "the tenant's adapter is never refused");
    }

    private static AccountMapping accounts() {
        return new AccountMapping(Optional.of("1"), Optional.of("2"));
    }
}
