package io.coregate.plugins.t24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.Counterparty;
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
import io.coregate.plugin.api.TransactionType;
import io.coregate.plugin.api.TransferContext;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Journal;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches T24: the payment order's fields (product, accounts, amount, the leg key as orderingReference, the transfer
 * id as endToEndReference, narratives, allowed order fields), one order per leg, a look-up by reference before a retried
 * order and never a blind second order, lookups through both alias sources, basic auth, and no secret in a log line.
 */
class T24WireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Money TEN = Money.of("10", "ZMW");

    private Simulator bank;
    private CoreBankingAdapter adapter;

    private void start(Simulator simulator, Map<String, Object> settings) {
        bank = simulator;
        adapter = new T24AdapterFactory().create(T24ContractTest.context(bank, settings));
    }

    @AfterEach
    void stop() {
        adapter.close();
        bank.close();
        assertEquals(List.of(), bank.ledger().violations());
    }

    @Test
    void aCreditIsOnePaymentOrderWithTheLegKeyTheTransferIdAndNarratives() throws IOException {
        start(T24Simulator.start(), Map.of("orderFields", Map.of("chargeBearer", "OUR")));
        String transferId = UUID.randomUUID().toString();
        Party bob = done(adapter.lookupParty(PartyId.of("ACCOUNT_ID", T24Simulator.BOB.accountId())));
        Receipt receipt = done(adapter.commitCredit(credit(transferId, bob).forLeg(Leg.COMMIT, 1)));
        JsonNode order = orders().getFirst();
        assertEquals(T24Simulator.PRODUCT, order.path("paymentOrderProductId").asText());
        assertEquals(T24Simulator.FLOAT, order.path("debitAccountId").asText());
        assertEquals(T24Simulator.BOB.accountId(), order.path("creditAccountId").asText());
        assertEquals("ZMW", order.path("paymentCurrency").asText());
        assertTrue(order.path("transactionAmount").isNumber(), "transactionAmount is a JSON number");
        assertEquals(0, new BigDecimal("10").compareTo(order.path("transactionAmount").decimalValue()));
        String reference = order.path("orderingReference").asText();
        assertEquals(PaymentOrders.REFERENCES.key(LegKey.first(transferId, Leg.COMMIT)), reference);
        assertTrue(reference.matches("[0-9a-f]{16}CM"), reference);
        assertEquals(transferId.replace("-", ""), order.path("endToEndReference").asText());
        assertEquals("From Peter Payer at payerfsp", order.path("narratives").path(0).path("narrative").asText());
        assertEquals(35, order.path("narratives").path(1).path("narrative").asText().length(), "narratives fit T24's 35 characters");
        assertEquals("OUR", order.path("chargeBearer").asText());
        assertTrue(receipt.cbsReference().startsWith("PI"), receipt.cbsReference());
        assertEquals(1, bank.ledger().postings(reference).size());
    }

    @Test
    void debitAndRefundAreOrdersUnderTheirOwnReferencesThroughTheCollectionAccount() throws IOException {
        start(T24Simulator.start(), Map.of());
        var debit = debit(UUID.randomUUID().toString());
        Receipt taken = done(adapter.debit(debit));
        done(adapter.refund(debit.forLeg(Leg.REFUND, 1, Optional.of(taken.cbsReference()))));
        List<JsonNode> orders = orders();
        assertEquals(List.of(T24Simulator.ALICE.accountId(), T24Simulator.COLLECTION),
                List.of(orders.get(0).path("debitAccountId").asText(), orders.get(0).path("creditAccountId").asText()));
        assertEquals(List.of(T24Simulator.COLLECTION, T24Simulator.ALICE.accountId()),
                List.of(orders.get(1).path("debitAccountId").asText(), orders.get(1).path("creditAccountId").asText()));
        assertTrue(orders.get(0).path("orderingReference").asText().endsWith("DB"));
        assertTrue(orders.get(1).path("orderingReference").asText().endsWith("RF"));
        assertNotEquals(orders.get(0).path("orderingReference"), orders.get(1).path("orderingReference"));
        assertEquals(0, new BigDecimal(T24Simulator.ALICE.balance()).compareTo(bank.ledger().balance(T24Simulator.ALICE.accountId())));
        assertEquals(TransactionStatus.State.FAILED, done(adapter.status(debit.transferId(), Optional.empty())).state(), "refunded");
    }

    @Test
    void aFirstAttemptPostsAtOnceAndARetryLooksUpTheEarlierOrderInsteadOfPostingAgain() {
        start(T24Simulator.start(), Map.of());
        var debit = debit(UUID.randomUUID().toString());
        bank.inject(T24Simulator.ORDERS, Fault.dropAfterBooking(), 1);
        assertFailed(FailureKind.TIMEOUT, adapter.debit(debit));
        assertEquals(List.of(), bank.journal().of(T24Simulator.ORDER_SEARCH), "no look-up on the first attempt");
        Receipt found = done(adapter.debit(debit.forLeg(Leg.DEBIT, 2, Optional.empty())));
        assertEquals(1, bank.journal().of(T24Simulator.ORDER_SEARCH).size(), "the retry looked the order up");
        assertEquals(1, bank.journal().of(T24Simulator.ORDERS).size(), "and did not post it again");
        assertTrue(found.cbsReference().startsWith("PI"), found.cbsReference());
    }

    @Test
    void aRetryWhoseLookUpFailsPostsNothing() {
        start(T24Simulator.start(), Map.of());
        var debit = debit(UUID.randomUUID().toString());
        bank.inject(T24Simulator.ORDERS, Fault.dropAfterBooking(), 1);
        assertFailed(FailureKind.TIMEOUT, adapter.debit(debit));
        bank.inject(T24Simulator.ORDER_SEARCH, Fault.serverErrorBeforeBooking(), 1);
        assertFailed(FailureKind.UNAVAILABLE, adapter.debit(debit.forLeg(Leg.DEBIT, 2, Optional.empty())));
        assertEquals(1, bank.journal().of(T24Simulator.ORDERS).size(), "no blind second order");
        done(adapter.debit(debit.forLeg(Leg.DEBIT, 3, Optional.empty())));
        assertEquals(1, bank.journal().of(T24Simulator.ORDERS).size());
    }

    @Test
    void aRetryAgainstAWrongSearchPathPostsNothing() {
        start(T24Simulator.start(), Map.of("orderSearchPath", "/order/paymentOrderz?orderingReference={reference}"));
        var debit = debit(UUID.randomUUID().toString());
        bank.inject(T24Simulator.ORDERS, Fault.dropAfterBooking(), 1);
        assertFailed(FailureKind.TIMEOUT, adapter.debit(debit));
        assertFailed(FailureKind.REJECTED, adapter.debit(debit.forLeg(Leg.DEBIT, 2, Optional.empty())));
        assertEquals(1, bank.journal().of(T24Simulator.ORDERS).size(), "a 404 of an unknown path is not an empty search");
    }

    @Test
    void anOrderWaitingForAnAuthoriserIsPending() {
        start(T24Simulator.start(), Map.of());
        var debit = debit(UUID.randomUUID().toString());
        bank.inject(T24Simulator.ORDERS, Fault.answer(SimResponse.ok(Map.of("header", Map.of("id", "PI00000000000099", "status", "success",
                "transactionStatus", "INAU"), "body", Map.of()))), 1);
        var pending = assertInstanceOf(Outcome.Pending.class, adapter.debit(debit));
        assertEquals("PI00000000000099", pending.cbsReference());
    }

    @Test
    void lookupsReadTheAccountAndTheCustomerThroughEitherAliasSource() {
        start(T24Simulator.start(), Map.of("msisdnAccounts", Map.of(), "msisdnSearchPath", T24Simulator.MSISDN_SEARCH));
        Party bob = done(adapter.lookupParty(PartyId.of("MSISDN", T24Simulator.BOB.msisdn())));
        assertEquals(T24Simulator.BOB.accountId(), bob.accountNo());
        assertEquals(List.of("Bob", "Phiri", "Bob Phiri"), List.of(bob.firstName(), bob.lastName(), bob.displayName()));
        assertEquals(Optional.of(LocalDate.parse(T24Simulator.BOB.dateOfBirth())), bob.dateOfBirth());
        assertEquals(AccountStatus.ACTIVE, bob.status());
        assertEquals(AccountStatus.BLOCKED, done(adapter.lookupParty(PartyId.of("MSISDN", T24Simulator.CAROL.msisdn()))).status());
        assertFailed(FailureKind.NOT_FOUND, adapter.lookupParty(PartyId.of("MSISDN", "260979999999")));
        assertFailed(FailureKind.NOT_FOUND, adapter.lookupParty(PartyId.of("EMAIL", "bob@bank.test")));
        assertEquals(0, new BigDecimal("100").compareTo(done(adapter.balance(T24Simulator.BOB.accountId(), "ZMW")).available().amount()));
        assertFailed(FailureKind.UNSUPPORTED_CURRENCY, adapter.balance(T24Simulator.BOB.accountId(), "USD"));
    }

    @Test
    void basicAuthenticationUsesTheTenantsUserAndAWrongPasswordBooksNothing() {
        bank = T24Simulator.startBasic("coregate", "right-password");
        var settings = new HashMap<String, Object>(T24ContractTest.context(bank, Map.of()).settings().values());
        settings.put("auth", Map.of("type", "basic"));
        adapter = new T24AdapterFactory().create(T24ContractTest.context(settings,
                T24ContractTest.secrets(Map.of("username", "coregate", "password", "right-password"))));
        done(adapter.lookupParty(PartyId.of("ACCOUNT_ID", T24Simulator.ALICE.accountId())));
        try (var wrong = new T24AdapterFactory().create(T24ContractTest.context(settings,
                T24ContractTest.secrets(Map.of("username", "coregate", "password", "wrong-password"))))) {
            assertFailed(FailureKind.UNAVAILABLE, wrong.debit(debit(UUID.randomUUID().toString())));
        }
        assertEquals(List.of(), bank.ledger().postings().stream().filter(p -> !p.legKey().startsWith("open:")).toList());
    }

    @Test
    void noSecretIsEverInALogLineOrAMessage() {
        start(T24Simulator.start(), Map.of());
        Logger logger = Logger.getLogger(T24Client.class.getName());
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
            bank.inject(T24Simulator.ORDERS, Fault.expiredToken(), 1);
            bank.inject(T24Simulator.ACCOUNTS, Fault.hang(), 1);
            var debit = debit(UUID.randomUUID().toString());
            messages.add(adapter.debit(debit).toString());
            messages.add(adapter.lookupParty(PartyId.of("ACCOUNT_ID", T24Simulator.ALICE.accountId())).toString());
            messages.add(adapter.debit(debit.forLeg(Leg.DEBIT, 2, Optional.empty())).toString());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        assertFalse(records.isEmpty(), "the client logged nothing to check");
        records.forEach(r -> assertFalse(r.getMessage().contains(T24Simulator.TOKEN), r.getMessage()));
        messages.forEach(m -> assertFalse(m.contains(T24Simulator.TOKEN), m));
        assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("Authorization")), "the request headers were logged, masked");
    }

    private List<JsonNode> orders() throws IOException {
        var orders = new ArrayList<JsonNode>();
        for (Journal.Entry entry : bank.journal().of(T24Simulator.ORDERS)) {
            orders.add(JSON.readTree(entry.body()).path("body"));
        }
        return orders;
    }

    private static CreditRequest credit(String transferId, Party payee) {
        var context = new TransferContext(transferId, Optional.of(UUID.randomUUID().toString()), Optional.empty(), TransactionType.TRANSFER,
                new Counterparty(PartyId.of("MSISDN", "260961111111"), Optional.of("Peter Payer"), Optional.of("payerfsp")),
                new Counterparty(payee.id(), Optional.of(payee.displayName()), Optional.of("t24fsp")), TEN, Money.of("0", "ZMW"), 2,
                Optional.empty(), Optional.of(payee), Optional.empty());
        return new CreditRequest(transferId, payee, TEN, Optional.empty(), Optional.empty(), context);
    }

    private static DebitRequest debit(String transferId) {
        var payer = PartyId.of("MSISDN", T24Simulator.ALICE.msisdn());
        return new DebitRequest(transferId, payer, TEN, Optional.empty(), Optional.of(LegKey.first(transferId, Leg.DEBIT)),
                TransferContext.minimal(transferId, Counterparty.of(payer), Counterparty.of(PartyId.of("MSISDN", "260979000000")), TEN));
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        return (T) assertInstanceOf(Outcome.Done.class, outcome, () -> "expected done: " + outcome).value();
    }

    private static void assertFailed(FailureKind kind, Outcome<?> outcome) {
        var failed = assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected " + kind + ": " + outcome);
        assertEquals(kind, failed.kind(), failed.message());
    }
}
