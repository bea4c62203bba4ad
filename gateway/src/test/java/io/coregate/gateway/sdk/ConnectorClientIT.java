package io.coregate.gateway.sdk;

import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.payer.ConnectorTransfer;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector client against the outbound-API simulator, for every path: success, errors, 504s, hangs, unknown outcomes. */
class ConnectorClientIT {

    private static final Duration SHORT = Duration.ofMillis(600);
    private static final AtomicInteger PAYEES = new AtomicInteger(260_972_000);

    private static OutboundSimulator simulator;
    private static ConnectorClient client;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        simulator = OutboundSimulator.start();
        client = new ConnectorClient(new SdkClientConfig(Duration.ofSeconds(1), SHORT, SHORT, SHORT, 3, 2, Duration.ofMillis(10)));
        tenant = tenant(simulator.url());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static Tenant tenant(URI outboundUrl) {
        var doc = Tenants.standard("bankA");
        doc.put("sdk", Map.of("outboundUrl", outboundUrl.toString()));
        return new Tenant(new TenantId("bank-a"), Tenants.document(doc), true, 1, Instant.now());
    }

    /** A payee id no other test uses, with its plan. */
    private static String payee(SimulatorPlan plan) {
        String id = Integer.toString(PAYEES.incrementAndGet());
        simulator.planFor(id, plan);
        return id;
    }

    private static OutboundTransfer transfer(String payeeId, AmountType type, String amount) {
        var payer = new OutboundTransfer.Party(PartyId.of("MSISDN", "260971000001"), Optional.of("Alice Banda"), Optional.of("CONSUMER"));
        return new OutboundTransfer("home-" + payeeId, payer, OutboundTransfer.Party.of(PartyId.of("MSISDN", payeeId)), type,
            Money.of(amount, "ZMW"), OutboundTransfer.TRANSFER, Optional.empty());
    }

    private static ConnectorTransfer quoted(String payeeId) {
        return assertInstanceOf(ConnectorOutcome.Quoted.class, client.postTransfer(tenant, transfer(payeeId, AmountType.SEND, "100"))).transfer();
    }

    @Test
    void sendQuotesThePayeeAndAmountsWhileIgnoringUnknownFields() {
        String payeeId = payee(SimulatorPlan.normal().fee("0.5"));
        ConnectorTransfer transfer = quoted(payeeId);
        assertEquals("WAITING_FOR_QUOTE_ACCEPTANCE", transfer.currentState());
        assertEquals(Optional.of("home-" + payeeId), transfer.homeTransactionId());
        assertEquals(new ConnectorTransfer.Payee("MSISDN", payeeId, Optional.of("Mary Phiri"), Optional.of("payeefsp")),
            transfer.payee().orElseThrow());
        assertEquals(new BigDecimal("100"), transfer.transferAmount().orElseThrow().amount());
        assertEquals(new BigDecimal("99.5"), transfer.payeeReceiveAmount().orElseThrow().amount());
        assertEquals(new BigDecimal("0.5"), transfer.payeeFspFee().orElseThrow().amount());
        assertTrue(transfer.quoteExpiration().orElseThrow().isAfter(Instant.now()));
        var sent = simulator.transfer(transfer.transferId()).orElseThrow().request();
        assertEquals("SEND", sent.path("amountType").asText());
        assertEquals("100", sent.path("amount").asText());
        assertEquals("ZMW", sent.path("currency").asText());
        assertEquals("TRANSFER", sent.path("transactionType").asText());
        assertEquals("Alice Banda", sent.path("from").path("displayName").asText());
        assertEquals(payeeId, sent.path("to").path("idValue").asText());
    }

    @Test
    void merchantPaymentQuotesWhatThePayerMustSendForTheReceiveAmount() {
        String payeeId = payee(SimulatorPlan.normal().fee("1.25"));
        var outcome = client.postTransfer(tenant, transfer(payeeId, AmountType.RECEIVE, "40.5"));
        ConnectorTransfer transfer = assertInstanceOf(ConnectorOutcome.Quoted.class, outcome).transfer();
        assertEquals(new BigDecimal("41.75"), transfer.transferAmount().orElseThrow().amount());
        assertEquals(new BigDecimal("40.5"), transfer.payeeReceiveAmount().orElseThrow().amount());
        assertEquals("RECEIVE", simulator.transfer(transfer.transferId()).orElseThrow().request().path("amountType").asText());
    }

    @Test
    void acceptedQuoteCompletesWithTheHubsCommit() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal()));
        var done = assertInstanceOf(ConnectorOutcome.Completed.class, client.acceptQuote(tenant, quote.transferId(), true)).transfer();
        assertEquals(Optional.of("COMMITTED"), done.hubTransferState());
        assertTrue(done.completedAt().isPresent());
        assertEquals(1, simulator.transfer(quote.transferId()).orElseThrow().accepts());
        assertInstanceOf(ConnectorOutcome.Completed.class, client.getTransfer(tenant, quote.transferId()));
    }

    @Test
    void rejectedQuoteAborts() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal()));
        assertInstanceOf(ConnectorOutcome.Aborted.class, client.acceptQuote(tenant, quote.transferId(), false));
        assertEquals("ABORTED", simulator.transfer(quote.transferId()).orElseThrow().state());
    }

    @Test
    void unknownPayeeIsA3204Failure() {
        String payeeId = payee(SimulatorPlan.normal().postError("3204", "Party not found"));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, client.postTransfer(tenant, transfer(payeeId, AmountType.SEND, "10")));
        assertEquals(ErrorCode.PARTY_NOT_FOUND, failed.code());
        assertEquals(Optional.of("3204"), failed.fspiopCode());
        assertTrue(failed.message().contains("Party not found"), failed.message());
    }

    @Test
    void payeeErrorOutsideTheGatewaysTableKeepsItsCodeAndFamily() {
        String payeeId = payee(SimulatorPlan.normal().postError("5103", "Payee FSP rejected quote"));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, client.postTransfer(tenant, transfer(payeeId, AmountType.SEND, "10")));
        assertEquals(ErrorCode.PAYEE_REJECTION, failed.code());
        assertEquals(Optional.of("5103"), failed.fspiopCode());
    }

    @Test
    void quoteStage504OrHangIsUnknown() {
        String timedOut = payee(SimulatorPlan.normal().post(SimulatorPlan.Step.TIMEOUT_504));
        var unknown = assertInstanceOf(ConnectorOutcome.Unknown.class, client.postTransfer(tenant, transfer(timedOut, AmountType.SEND, "10")));
        assertTrue(unknown.reason().contains("504"), unknown.reason());
        String hanging = payee(SimulatorPlan.normal().post(SimulatorPlan.Step.HANG));
        long start = System.nanoTime();
        assertInstanceOf(ConnectorOutcome.Unknown.class, client.postTransfer(tenant, transfer(hanging, AmountType.SEND, "10")));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0, "the read timeout ends the call");
    }

    @Test
    void refusedAcceptIsAFailureWithThePayeesCode() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal().acceptError("5104", "Payee rejected transaction")));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, client.acceptQuote(tenant, quote.transferId(), true));
        assertEquals(ErrorCode.PAYEE_REJECTION, failed.code());
        assertEquals(Optional.of("5104"), failed.fspiopCode());
        assertInstanceOf(ConnectorOutcome.Aborted.class, client.getTransfer(tenant, quote.transferId()));
    }

    @Test
    void acceptThatTimesOutIsUnknownNeverResentAndResolvedByStatus() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal().acceptUnknown(SimulatorPlan.Step.TIMEOUT_504, "COMMITTED")));
        assertInstanceOf(ConnectorOutcome.Unknown.class, client.acceptQuote(tenant, quote.transferId(), true));
        assertEquals(1, simulator.transfer(quote.transferId()).orElseThrow().accepts(), "an accept with an unknown outcome is never re-sent");
        var completed = assertInstanceOf(ConnectorOutcome.Completed.class, client.getTransfer(tenant, quote.transferId()));
        assertEquals(Optional.of("COMMITTED"), completed.transfer().hubTransferState());
    }

    @Test
    void acceptThatHangsIsUnknownAndStatusLaterSaysAborted() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal().acceptUnknown(SimulatorPlan.Step.HANG, "ABORTED")));
        assertInstanceOf(ConnectorOutcome.Unknown.class, client.acceptQuote(tenant, quote.transferId(), true));
        assertEquals(1, simulator.transfer(quote.transferId()).orElseThrow().accepts());
        assertInstanceOf(ConnectorOutcome.Aborted.class, client.getTransfer(tenant, quote.transferId()));
    }

    @Test
    void statusReadsAreRetriedUntilAClearAnswer() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal().failedReads(2)));
        assertInstanceOf(ConnectorOutcome.Completed.class, client.acceptQuote(tenant, quote.transferId(), true));
        assertInstanceOf(ConnectorOutcome.Completed.class, client.getTransfer(tenant, quote.transferId()));
        long reads = simulator.calls().stream().filter(c -> c.equals("GET /transfers/" + quote.transferId())).count();
        assertEquals(3, reads);
    }

    @Test
    void statusThatNeverAnswersClearlyIsUnknownAfterTheConfiguredAttempts() {
        ConnectorTransfer failing = quoted(payee(SimulatorPlan.normal().failedReads(10)));
        assertInstanceOf(ConnectorOutcome.Unknown.class, client.getTransfer(tenant, failing.transferId()));
        assertEquals(3, simulator.calls().stream().filter(c -> c.equals("GET /transfers/" + failing.transferId())).count());
        ConnectorTransfer hanging = quoted(payee(SimulatorPlan.normal().status(SimulatorPlan.Step.HANG)));
        assertInstanceOf(ConnectorOutcome.Unknown.class, client.getTransfer(tenant, hanging.transferId()));
    }

    @Test
    void transferTheHubNeverSawIsA3208FailureReadOnce() {
        ConnectorTransfer quote = quoted(payee(SimulatorPlan.normal()));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, client.getTransfer(tenant, quote.transferId()));
        assertEquals(ErrorCode.TRANSFER_NOT_FOUND, failed.code());
        assertEquals(1, simulator.calls().stream().filter(c -> c.equals("GET /transfers/" + quote.transferId())).count());
    }

    @Test
    void unreachableConnectorOrMissingUrlIs2003AndUnsafeIdsAreNeverSent() {
        Tenant closed = tenant(URI.create("http://127.0.0.1:1"));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, client.postTransfer(closed, transfer("260970000000", AmountType.SEND, "1")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failed.code());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE,
            assertInstanceOf(ConnectorOutcome.Failed.class, client.acceptQuote(closed, "abc", true)).code(), "nothing sent: a clear failure");
        var noUrl = new Tenant(new TenantId("bank-z"), Tenants.document(Tenants.standard("bankZ")), true, 1, Instant.now());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE,
            assertInstanceOf(ConnectorOutcome.Failed.class, client.getTransfer(noUrl, "abc")).code());
        int before = simulator.calls().size();
        assertEquals(ErrorCode.VALIDATION, assertInstanceOf(ConnectorOutcome.Failed.class, client.getTransfer(tenant, "../admin")).code());
        assertEquals(before, simulator.calls().size());
    }
}
