package io.coregate.plugins.flexcube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.api.TransferContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire: the FCUBS_HEADER from the settings, the XREF in the leg-key form FCUBS accepts, the offset
 * accounts of credits and debits, a refund reversing the debit the same day and compensating after it, a repeated XREF
 * refused by the bank answered from the first transaction, HTTP Basic, per-leg status, maker-checker as pending, and an
 * answer carrying a DTD refused unread (no XXE).
 */
class FlexcubeWireTest {

    private FlexcubeSimulator bank;
    private FlexcubeAdapter adapter;

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        bank.close();
        assertEquals(List.of(), bank.ledger().violations());
    }

    private void start(FlexcubeSimulator simulator, Map<String, Object> settings, Map<String, String> secrets) {
        bank = simulator;
        var values = FlexcubeContractTest.settings(bank, settings);
        var parsed = FlexcubeSettings.of(FlexcubeContractTest.context(values, FlexcubeContractTest.secrets(secrets)));
        adapter = new FlexcubeAdapter(parsed, new FlexcubeClient(parsed, FlexcubeContractTest.secrets(secrets)));
    }

    @Test
    void aDebitCarriesTheHeaderFromTheSettingsAndTheLegKeyAsXrefWithTheCollectionAsOffset() throws Exception {
        start(FlexcubeSimulator.start(), Map.of("ubscomp", "FCUBS"), Map.of());
        String id = UUID.randomUUID().toString();
        Receipt receipt = done(adapter.debit(debit(id, "10")));
        SimXml.El message = SimXml.message(bank.calls(FlexcubeSimulator.CREATE).getFirst().body());
        assertEquals("CREATETRANSACTION_FSFS_REQ", message.name());
        assertEquals("http://fcubs.ofss.com/service/FCUBSRTService", message.namespace());
        SimXml.El header = message.child("FCUBS_HEADER").orElseThrow();
        assertEquals(FlexcubeSimulator.SOURCE, header.text("SOURCE"));
        assertEquals("FCUBS", header.text("UBSCOMP"));
        assertEquals(FlexcubeSimulator.USER, header.text("USERID"));
        assertEquals(FlexcubeSimulator.BRANCH, header.text("BRANCH"));
        assertEquals("FCUBSRTService", header.text("SERVICE"));
        assertEquals("CreateTransaction", header.text("OPERATION"));
        assertTrue(header.text("MSGID").matches("[A-Z0-9]{20}"), header.text("MSGID"));
        SimXml.El txn = message.child("FCUBS_BODY").orElseThrow().child("Transaction-Details").orElseThrow();
        String xref = txn.text("XREF");
        assertTrue(xref.matches("[0-9a-f]{14}DB"), "16 letters and digits, the debit leg's code last: " + xref);
        assertEquals(FlexcubeSimulator.DEBIT_PRODUCT, txn.text("PRD"));
        assertEquals(FlexcubeSimulator.ALICE.accountNo(), txn.text("TXNACC"));
        assertEquals(FlexcubeSimulator.COLLECTION, txn.text("OFFSETACC"));
        assertEquals("10", txn.text("TXNAMT"));
        assertTrue(txn.text("NARRATIVE").contains(id), txn.text("NARRATIVE"));
        assertEquals(bank.transactions(id).getFirst().fccref(), receipt.cbsReference());
        var refund = debit(id, "10").forLeg(Leg.REFUND, 1, Optional.of(receipt.cbsReference()));
        assertTrue(!settingsXref(refund.leg().orElseThrow()).equals(xref), "the refund's XREF differs");
    }

    @Test
    void aCreditPaysFromTheDisbursementAccountAfterClosingTheReservationsBlock() throws Exception {
        start(FlexcubeSimulator.start(), Map.of(), Map.of());
        String id = UUID.randomUUID().toString();
        var payee = done(adapter.lookupParty(PartyId.of("MSISDN", FlexcubeSimulator.BOB.msisdn())));
        assertEquals("Bob Phiri", payee.displayName());
        assertEquals("Bob", payee.firstName());
        assertEquals(LocalDate.parse(FlexcubeSimulator.BOB.dob()), payee.dateOfBirth().orElseThrow());
        var credit = new io.coregate.plugin.api.CreditRequest(id, payee, Money.of("25", "ZMW"), Optional.empty()).forLeg(Leg.RESERVE, 1);
        Receipt block = done(adapter.reserveCredit(credit));
        assertEquals("O", bank.blocks().getFirst().status());
        assertEquals(FlexcubeSimulator.FLOAT, bank.blocks().getFirst().account());
        var commit = new io.coregate.plugin.api.CreditRequest(id, payee, Money.of("25", "ZMW"), Optional.of(block.cbsReference()))
                .forLeg(Leg.COMMIT, 1);
        done(adapter.commitCredit(commit));
        assertEquals("C", bank.blocks().getFirst().status());
        SimXml.El txn = SimXml.message(bank.calls(FlexcubeSimulator.CREATE).getFirst().body()).child("FCUBS_BODY").orElseThrow()
                .child("Transaction-Details").orElseThrow();
        assertEquals(FlexcubeSimulator.CREDIT_PRODUCT, txn.text("PRD"));
        assertEquals(FlexcubeSimulator.FLOAT, txn.text("TXNACC"));
        assertEquals(FlexcubeSimulator.BOB.accountNo(), txn.text("OFFSETACC"));
        assertEquals(0, new BigDecimal("125").compareTo(bank.ledger().balance(FlexcubeSimulator.BOB.accountNo())));
        assertEquals(TransactionStatus.State.COMPLETED, done(adapter.status(LegKey.first(id, Leg.COMMIT), Optional.empty())).state());
        assertEquals(TransactionStatus.State.COMPLETED, done(adapter.status(LegKey.first(id, Leg.RESERVE), Optional.empty())).state());
        assertEquals(TransactionStatus.State.COMPLETED, done(adapter.status(LegKey.first(id, Leg.RELEASE), Optional.empty())).state(),
                "the block is closed");
        String open = UUID.randomUUID().toString();
        done(adapter.reserveCredit(new io.coregate.plugin.api.CreditRequest(open, payee, Money.of("5", "ZMW"), Optional.empty())
                .forLeg(Leg.RESERVE, 1)));
        assertEquals(TransactionStatus.State.NOT_FOUND, done(adapter.status(LegKey.first(open, Leg.RELEASE), Optional.empty())).state(),
                "an open block is not released");
        assertEquals(TransactionStatus.State.NOT_FOUND, done(adapter.status(LegKey.first(id, Leg.DEBIT), Optional.empty())).state());
    }

    @Test
    void aRefundTheSameDayReversesTheDebitAndAfterTheDayPostsACompensatingTransaction() {
        start(FlexcubeSimulator.start(), Map.of(), Map.of());
        BigDecimal alice = bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo());
        String today = UUID.randomUUID().toString();
        Receipt debited = done(adapter.debit(debit(today, "10")));
        done(adapter.refund(debit(today, "10").forLeg(Leg.REFUND, 1, Optional.of(debited.cbsReference()))));
        done(adapter.refund(debit(today, "10").forLeg(Leg.REFUND, 2, Optional.of(debited.cbsReference()))));
        assertEquals(1, bank.calls(FlexcubeSimulator.REVERSE).size(), "reversed once");
        assertEquals(1, bank.calls(FlexcubeSimulator.CREATE).size(), "no compensating transaction");
        assertEquals("V", bank.transactions(today).getFirst().txnStat());
        assertEquals(TransactionStatus.State.COMPLETED, done(adapter.status(LegKey.first(today, Leg.REFUND), Optional.empty())).state());
        assertEquals(TransactionStatus.State.FAILED, done(adapter.status(today, Optional.empty())).state(), "a reversed debit");

        String yesterday = UUID.randomUUID().toString();
        Receipt earlier = done(adapter.debit(debit(yesterday, "10")));
        bank.businessDate(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        done(adapter.refund(debit(yesterday, "10").forLeg(Leg.REFUND, 1, Optional.of(earlier.cbsReference()))));
        done(adapter.refund(debit(yesterday, "10").forLeg(Leg.REFUND, 2, Optional.of(earlier.cbsReference()))));
        List<FlexcubeSimulator.Txn> legs = bank.transactions(yesterday);
        assertEquals(2, legs.size(), "the debit and one compensating transaction: " + legs);
        assertEquals(FlexcubeSimulator.COLLECTION, legs.get(1).txnAcc());
        assertEquals(FlexcubeSimulator.ALICE.accountNo(), legs.get(1).offsetAcc());
        assertTrue(legs.get(1).xref().endsWith("RF"), legs.get(1).xref());
        assertEquals(0, alice.compareTo(bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo())), "Alice whole again");
    }

    @Test
    void aRefundWithoutABookedDebitPaysNothingBack() {
        start(FlexcubeSimulator.start(), Map.of(), Map.of());
        BigDecimal alice = bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo());
        String id = UUID.randomUUID().toString();
        var refused = assertInstanceOf(Outcome.Failed.class, adapter.refund(debit(id, "10").forLeg(Leg.REFUND, 1, Optional.empty())));
        assertEquals(FailureKind.NOT_FOUND, refused.kind());
        assertEquals(List.of(), bank.transactions(id));
        assertEquals(0, alice.compareTo(bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo())));
    }

    @Test
    void aReversalRefusedAsAlreadyDoneIsNeverFollowedByACompensatingTransaction() {
        start(FlexcubeSimulator.start(), Map.of(), Map.of());
        String id = UUID.randomUUID().toString();
        Receipt debited = done(adapter.debit(debit(id, "10")));
        bank.injectError(FlexcubeSimulator.REVERSE, "RT-REV-01");
        done(adapter.refund(debit(id, "10").forLeg(Leg.REFUND, 1, Optional.of(debited.cbsReference()))));
        assertEquals(1, bank.calls(FlexcubeSimulator.CREATE).size(), "no compensating transaction: " + bank.transactions(id));
    }

    @Test
    void aRepeatedXrefTheBankRefusesIsAnsweredWithTheFirstTransaction() {
        start(FlexcubeSimulator.start(), Map.of(), Map.of());
        String id = UUID.randomUUID().toString();
        Receipt first = done(adapter.debit(debit(id, "10")));
        Receipt again = done(adapter.debit(debit(id, "10")));
        assertEquals(first, again);
        assertEquals(2, bank.calls(FlexcubeSimulator.CREATE).size(), "posted twice as a first attempt");
        assertEquals(1, bank.transactions(id).size(), "booked once");
    }

    @Test
    void httpBasicIsSentFromTheSecretsAndAWrongPasswordIsRejected() {
        start(FlexcubeSimulator.startBasic("gw", "s3cret-pw"), Map.of("httpBasic", true), Map.of("username", "gw", "password", "s3cret-pw"));
        done(adapter.lookupParty(PartyId.of("ACCOUNT_ID", FlexcubeSimulator.BOB.accountNo())));
        adapter.close();
        var values = FlexcubeContractTest.settings(bank, Map.of("httpBasic", true));
        var wrong = FlexcubeContractTest.secrets(Map.of("username", "gw", "password", "wrong"));
        var parsed = FlexcubeSettings.of(FlexcubeContractTest.context(values, wrong));
        adapter = new FlexcubeAdapter(parsed, new FlexcubeClient(parsed, wrong));
        var refused = assertInstanceOf(Outcome.Failed.class, adapter.lookupParty(PartyId.of("ACCOUNT_ID", FlexcubeSimulator.BOB.accountNo())));
        assertEquals(FailureKind.REJECTED, refused.kind());
        assertTrue(!refused.message().contains("wrong"), refused.message());
    }

    @Test
    void anUnauthorisedPostingIsPendingUnderItsFccReference() {
        start(FlexcubeSimulator.start().makerChecker(true), Map.of(), Map.of());
        String id = UUID.randomUUID().toString();
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit(id, "10")));
        assertEquals(bank.transactions(id).getFirst().fccref(), pending.cbsReference());
        assertEquals("U", bank.transactions(id).getFirst().authStat());
        var status = done(adapter.status(LegKey.first(id, Leg.DEBIT), Optional.of(pending.cbsReference())));
        assertEquals(TransactionStatus.State.COMPLETED, status.state(), "the checker authorised it");
    }

    @Test
    void anAnswerWithADtdIsRefusedUnreadSoNoExternalEntityIsEverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<S:Body><R><FCUBS_BODY>&xxe;</FCUBS_BODY></R></S:Body></S:Envelope>";
        bank = FlexcubeSimulator.start();
        var refused = assertThrows(IllegalArgumentException.class, () -> Soap.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("DTD") || refused.getMessage().contains("DOCTYPE"), refused.getMessage());
        String envelope = Soap.envelope("FCUBSRTService", "X_REQ", Map.of("A", "1 < 2 & 3"), Map.of("B", Map.of("C", "é")));
        var parsed = Soap.parse(envelope.getBytes(StandardCharsets.UTF_8));
        assertEquals("1 < 2 & 3", parsed.find("A").orElseThrow().text());
        assertEquals("é", parsed.find("C").orElseThrow().text());
    }

    private String settingsXref(LegKey key) {
        return new io.coregate.plugin.support.keys.LegKeys(16, io.coregate.plugin.support.keys.LegKeys.Charset.ALPHANUMERIC,
                io.coregate.plugin.support.keys.LegKeys.LegStyle.CODE).key(key);
    }

    private static <T> T done(Outcome<T> outcome) {
        return assertInstanceOf(Outcome.Done.class, outcome, () -> "expected done: " + outcome).value() instanceof Object v ? cast(v) : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static DebitRequest debit(String transferId, String amount) {
        PartyId alice = PartyId.of("MSISDN", FlexcubeSimulator.ALICE.msisdn());
        Money money = Money.of(amount, "ZMW");
        return new DebitRequest(transferId, alice, money, Optional.empty(), Optional.of(LegKey.first(transferId, Leg.DEBIT)),
                TransferContext.minimal(transferId, Counterparty.of(alice), Counterparty.of(PartyId.of("MSISDN", "260961111111")), money));
    }
}
