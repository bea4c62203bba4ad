package io.coregate.plugins.examplebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Simulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What reaches the bank: one posting per leg under its own key, one attempt per call, and never the token in a log line. */
class ExampleBankWireTest {

    private static final PartyId ALICE = PartyId.of("MSISDN", ExampleBankSimulator.ALICE.msisdn());
    private static final PartyId BOB = PartyId.of("MSISDN", ExampleBankSimulator.BOB.msisdn());
    private static final Money TEN = Money.of("10", "ZMW");

    private Simulator bank;
    private CoreBankingAdapter adapter;

    @BeforeEach
    void start() {
        bank = ExampleBankSimulator.start();
        adapter = new ExampleBankAdapterFactory().create(ExampleBankContractTest.context(bank, Map.of()));
    }

    @AfterEach
    void stop() {
        adapter.close();
        bank.close();
        assertEquals(List.of(), bank.ledger().violations());
    }

    @Test
    void eachLegIsPostedOnceUnderItsOwnKey() {
        String transferId = UUID.randomUUID().toString();
        Party bob = ((Outcome.Done<Party>) adapter.lookupParty(BOB)).value();
        var credit = new CreditRequest(transferId, bob, TEN, Optional.empty());
        assertInstanceOf(Outcome.Done.class, adapter.commitCredit(credit));
        assertEquals(adapter.commitCredit(credit), adapter.commitCredit(credit), "a repeated commit answers the first posting");
        var debit = new DebitRequest(transferId, ALICE, TEN, Optional.empty());
        assertInstanceOf(Outcome.Done.class, adapter.debit(debit));
        assertInstanceOf(Outcome.Done.class, adapter.refund(debit));
        for (String leg : List.of("commit", "debit", "refund")) {
            assertEquals(1, bank.ledger().postings(transferId + "-" + leg).size(), leg);
        }
        assertEquals(0, new BigDecimal("100").add(TEN.amount()).compareTo(bank.ledger().balance(ExampleBankSimulator.BOB.accountNo())));
    }

    @Test
    void eachLegsStatusIsItsOwnPostingByKey() {
        String transferId = UUID.randomUUID().toString();
        var debit = new DebitRequest(transferId, ALICE, TEN, Optional.empty());
        var notYet = assertInstanceOf(Outcome.Done.class, adapter.status(LegKey.first(transferId, Leg.DEBIT), Optional.empty()));
        assertEquals(TransactionStatus.State.NOT_FOUND, ((TransactionStatus) notYet.value()).state());
        var booked = assertInstanceOf(Outcome.Done.class, adapter.debit(debit));
        assertInstanceOf(Outcome.Done.class, adapter.refund(debit));
        for (Leg leg : List.of(Leg.DEBIT, Leg.REFUND)) {
            var known = assertInstanceOf(Outcome.Done.class, adapter.status(new LegKey(transferId, leg, 2), Optional.empty()));
            assertEquals(TransactionStatus.State.COMPLETED, ((TransactionStatus) known.value()).state(), leg.name());
        }
        var debitStatus = (TransactionStatus) ((Outcome.Done<?>) adapter.status(LegKey.first(transferId, Leg.DEBIT), Optional.empty())).value();
        assertEquals(((Receipt) booked.value()).cbsReference(), debitStatus.cbsReference().orElseThrow(), "the debit's own posting");
        var commit = assertInstanceOf(Outcome.Done.class, adapter.status(LegKey.first(transferId, Leg.COMMIT), Optional.empty()));
        assertEquals(TransactionStatus.State.NOT_FOUND, ((TransactionStatus) commit.value()).state());
    }

    @Test
    void aFailedPostingIsSentOnceAndLeftToTheGateway() {
        bank.inject(ExampleBankSimulator.TRANSFERS, Fault.serverErrorBeforeBooking(), 1);
        var debit = new DebitRequest(UUID.randomUUID().toString(), ALICE, TEN, Optional.empty());
        var failed = assertInstanceOf(Outcome.Failed.class, adapter.debit(debit));
        assertEquals(FailureKind.UNAVAILABLE, failed.kind());
        assertEquals(1, bank.journal().of(ExampleBankSimulator.TRANSFERS).size(), "attempts at the bank");
        bank.inject(ExampleBankSimulator.TRANSFERS, Fault.hang(), 1);
        var unknown = assertInstanceOf(Outcome.Failed.class, adapter.debit(debit));
        assertEquals(FailureKind.TIMEOUT, unknown.kind());
        assertEquals(List.of(), bank.ledger().postings(debit.transferId() + "-debit"), "a retry after the timeout would have booked");
    }

    @Test
    void theTokenIsNeverInALogLineOrAMessage() {
        Logger logger = Logger.getLogger(ExampleBankClient.class.getName());
        var records = new ArrayList<LogRecord>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        var messages = new ArrayList<String>();
        try {
            bank.inject(ExampleBankSimulator.TRANSFERS, Fault.expiredToken(), 1);
            bank.inject(ExampleBankSimulator.PARTIES, Fault.hang(), 1);
            var debit = new DebitRequest(UUID.randomUUID().toString(), ALICE, TEN, Optional.empty());
            messages.add(adapter.debit(debit).toString());
            messages.add(adapter.lookupParty(ALICE).toString());
            messages.add(adapter.debit(debit).toString());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        assertFalse(records.isEmpty(), "the client logged nothing to check");
        records.forEach(r -> assertFalse(r.getMessage().contains(ExampleBankSimulator.TOKEN), r.getMessage()));
        messages.forEach(m -> assertFalse(m.contains(ExampleBankSimulator.TOKEN), m));
        assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("Authorization")), "the request headers were logged, masked");
    }
}
