package io.coregate.plugins.flexcube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.TransferContext;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.SimResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ECODE the README's table maps becomes the right failure kind, on postings, lookups, balances and blocks, inside
 * the HTTP 200 FCUBS answers them in; a tenant's {@code errorCodes} add to the table; a 503, a SOAP fault, a 200 without
 * MSGSTAT and refused credentials mean what the README says; nothing moves on any of them.
 */
class FlexcubeErrorsTest {

    /** The README's table. */
    private static final Map<String, FailureKind> TABLE = new LinkedHashMap<>();

    static {
        List.of("ST-VALS-002", "AC-ACC-01", "CS-CUS-01", "RT-TXN-01", "AC-BLK-01").forEach(code -> TABLE.put(code, FailureKind.NOT_FOUND));
        List.of("AC-DORM-01", "AC-FRZ-01", "AC-NODR-01", "AC-NOCR-01").forEach(code -> TABLE.put(code, FailureKind.BLOCKED));
        TABLE.put("AC-OVD-01", FailureKind.INSUFFICIENT_FUNDS);
        TABLE.put("RT-LIM-01", FailureKind.LIMIT_EXCEEDED);
        TABLE.put("RT-CCY-01", FailureKind.UNSUPPORTED_CURRENCY);
        TABLE.put("GW-SYS-01", FailureKind.UNAVAILABLE);
        TABLE.put("GW-EOD-01", FailureKind.UNAVAILABLE);
        TABLE.put("RT-PRD-01", FailureKind.REJECTED);
        TABLE.put("LOCAL-FRZ", FailureKind.BLOCKED);
    }

    private FlexcubeSimulator bank;
    private FlexcubeAdapter adapter;

    @BeforeEach
    void start() {
        bank = FlexcubeSimulator.start();
        var settings = FlexcubeSettings.of(FlexcubeContractTest.context(bank, Map.of("errorCodes", Map.of("LOCAL-FRZ", "BLOCKED"))));
        adapter = new FlexcubeAdapter(settings, new FlexcubeClient(settings, FlexcubeContractTest.secrets(Map.of())));
    }

    @AfterEach
    void stop() {
        adapter.close();
        bank.close();
        assertEquals(List.of(), bank.ledger().violations());
    }

    @Test
    void everyMappedEcodeOnAPostingIsItsFailureKindAndMovesNothing() {
        BigDecimal alice = bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo());
        TABLE.forEach((code, kind) -> {
            bank.injectError(FlexcubeSimulator.CREATE, code);
            var outcome = adapter.debit(debit(UUID.randomUUID().toString()));
            assertEquals(kind, assertInstanceOf(Outcome.Failed.class, outcome).kind(), code + ": " + outcome);
            assertTrue(((Outcome.Failed<?>) outcome).message().contains(code), "the message names the code: " + outcome);
        });
        assertEquals(0, alice.compareTo(bank.ledger().balance(FlexcubeSimulator.ALICE.accountNo())));
        assertEquals(List.of(), bank.transactions());
    }

    @Test
    void everyMappedEcodeOnALookupABalanceAndABlockIsItsFailureKind() {
        TABLE.forEach((code, kind) -> {
            bank.injectError(FlexcubeSimulator.ACCOUNT, code);
            assertEquals(kind, kind(adapter.lookupParty(PartyId.of("ACCOUNT_ID", FlexcubeSimulator.BOB.accountNo()))), "lookup " + code);
            bank.injectError(FlexcubeSimulator.BALANCE, code);
            assertEquals(kind, kind(adapter.balance(FlexcubeSimulator.BOB.accountNo(), "ZMW")), "balance " + code);
            bank.injectError(FlexcubeSimulator.CREATE_BLOCK, code);
            String id = UUID.randomUUID().toString();
            assertEquals(kind, kind(adapter.holdDebit(debit(id).forLeg(Leg.HOLD, 1, Optional.empty()))), "block " + code);
        });
        assertTrue(bank.blocks().isEmpty(), "no block placed: " + bank.blocks());
    }

    @Test
    void theSimulatedGatewaysOwnRefusalsAreMappedToo() {
        assertEquals(FailureKind.NOT_FOUND, kind(adapter.lookupParty(PartyId.of("ACCOUNT_ID", "0009999990001"))));
        assertEquals(FailureKind.NOT_FOUND, kind(adapter.lookupParty(PartyId.of("MSISDN", "260979999999"))));
        assertEquals(FailureKind.LIMIT_EXCEEDED, kind(adapter.debit(debit(UUID.randomUUID().toString(), "2000000"))));
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, kind(adapter.debit(debit(UUID.randomUUID().toString(), "10001"))));
        var carol = new DebitRequest(UUID.randomUUID().toString(), PartyId.of("MSISDN", FlexcubeSimulator.CAROL.msisdn()),
                Money.of("1", "ZMW"), Optional.empty());
        assertEquals(FailureKind.BLOCKED, kind(adapter.debit(carol)), "Carol's account takes no debit");
    }

    @Test
    void aServerErrorIsUnavailableASoapFaultOrAnUnreadableAnswerIsUnknownAndRefusedCredentialsAreRejected() {
        bank.inject(FlexcubeSimulator.CREATE, Fault.serverErrorBeforeBooking(), 1);
        assertEquals(FailureKind.UNAVAILABLE, kind(adapter.debit(debit(UUID.randomUUID().toString()))), "503");
        bank.inject(FlexcubeSimulator.CREATE, Fault.expiredToken(), 1);
        assertEquals(FailureKind.REJECTED, kind(adapter.debit(debit(UUID.randomUUID().toString()))), "401");
        bank.inject(FlexcubeSimulator.CREATE, Fault.dropAfterBooking(), 1);
        assertEquals(FailureKind.TIMEOUT, kind(adapter.debit(debit(UUID.randomUUID().toString()))), "answer lost after booking");
        bank.inject(FlexcubeSimulator.CREATE, Fault.errorIn200(SimResponse.ok(Map.of())), 1);
        assertEquals(FailureKind.REJECTED, kind(adapter.debit(debit(UUID.randomUUID().toString()))), "FAILURE inside a 200");
    }

    @Test
    void aWarningWithoutAnErrorIsSuccessAndAWarningCarryingAnErrorIsItsFailure() {
        bank.warnings(true);
        String id = UUID.randomUUID().toString();
        var booked = assertInstanceOf(Outcome.Done.class, adapter.debit(debit(id)));
        assertEquals(bank.transactions(id).getFirst().fccref(), ((io.coregate.plugin.api.Receipt) booked.value()).cbsReference());
        assertTrue(bank.calls(FlexcubeSimulator.CREATE).getFirst().status() == 200);
        bank.injectError(FlexcubeSimulator.CREATE, "AC-OVD-01");
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, kind(adapter.debit(debit(UUID.randomUUID().toString()))));
    }

    private static FailureKind kind(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected a failure: " + outcome).kind();
    }

    private static DebitRequest debit(String transferId) {
        return debit(transferId, "10");
    }

    private static DebitRequest debit(String transferId, String amount) {
        PartyId alice = PartyId.of("MSISDN", FlexcubeSimulator.ALICE.msisdn());
        Money money = Money.of(amount, "ZMW");
        return new DebitRequest(transferId, alice, money, Optional.empty(), Optional.of(LegKey.first(transferId, Leg.DEBIT)),
                TransferContext.minimal(transferId, Counterparty.of(alice), Counterparty.of(PartyId.of("MSISDN", "260961111111")), money));
    }
}
