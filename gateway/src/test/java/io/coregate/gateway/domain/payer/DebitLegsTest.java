package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.HealthStatus;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import io.coregate.plugin.api.TransactionType;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcCallbackInbox;
import io.coregate.gateway.db.JdbcLegLog;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.Clock;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payer side's money steps hand the adapter one leg key per step (a refund never carries the debit's key) and the
 * transfer's context: a merchant payment is a PAYMENT, the tenant's fee apart from the amount, names and FSPs. The
 * adapter here is a real (recording) implementation of the SPI, called directly; the legs are written to the real
 * (Postgres) leg log.
 */
class DebitLegsTest {

    private final List<String> calls = new ArrayList<>();
    private final List<DebitRequest> requests = new ArrayList<>();

    private final CoreBankingAdapter recorder = new CoreBankingAdapter() {
        @Override
        public Outcome<Party> lookupParty(PartyId id) {
            throw new AssertionError("a debit step never looks the customer up");
        }

        @Override
        public Outcome<Receipt> reserveCredit(CreditRequest request) {
            throw new AssertionError("payee call");
        }

        @Override
        public Outcome<Receipt> commitCredit(CreditRequest request) {
            throw new AssertionError("payee call");
        }

        @Override
        public Outcome<Receipt> releaseCredit(CreditRequest request) {
            throw new AssertionError("payee call");
        }

        @Override
        public Outcome<Receipt> debit(DebitRequest request) {
            return record("debit", request);
        }

        @Override
        public Outcome<Receipt> refund(DebitRequest request) {
            return record("refund", request);
        }

        @Override
        public Outcome<Receipt> holdDebit(DebitRequest request) {
            return record("holdDebit", request);
        }

        @Override
        public Outcome<Receipt> captureDebit(DebitRequest request) {
            return record("captureDebit", request);
        }

        @Override
        public Outcome<Receipt> releaseDebit(DebitRequest request) {
            return record("releaseDebit", request);
        }

        @Override
        public Outcome<TransactionStatus> status(String transferId, Optional<String> cbsReference) {
            throw new AssertionError("not asked");
        }

        @Override
        public HealthStatus health() {
            return HealthStatus.up("recorder");
        }

        private Outcome<Receipt> record(String operation, DebitRequest request) {
            calls.add(operation);
            requests.add(request);
            return Outcome.done(new Receipt("R-" + request.key()));
        }
    };

    private final CoreBanking banks = new CoreBanking() {
        @Override
        public <T> Outcome<T> call(Tenant tenant, String operation, Function<CoreBankingAdapter, Outcome<T>> call) {
            return call.apply(recorder);
        }
    };

    private static TestGateway gateway;
    private static LegLog legLog;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        legLog = new JdbcLegLog(new Jdbc(gateway.dataSource()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private DebitSteps steps() {
        return new DebitSteps(banks, new MoneyLegs(banks, legLog, new JdbcCallbackInbox(new Jdbc(gateway.dataSource())), Clock.systemUTC()), legLog);
    }

    @Test
    void eachStepIsItsOwnLegWithTheTransfersContext() {
        var tenant = new Tenant(new TenantId("bank-a"), Tenants.document(Tenants.standard("banka")), true, 1, Instant.EPOCH);
        Outbound merchantPayment = outbound("RECEIVE", 2);
        var steps = steps();
        steps.take(tenant, merchantPayment, DebitSteps.request(merchantPayment, Optional.empty()), Leg.DEBIT);
        var refund = DebitSteps.request(merchantPayment, Optional.of("R-1"));
        assertEquals(Optional.empty(), steps.giveBack(tenant, merchantPayment, refund, Leg.DEBIT));
        steps.take(tenant, merchantPayment, DebitSteps.request(merchantPayment, Optional.empty()), Leg.HOLD);
        var held = DebitSteps.request(merchantPayment, Optional.of("R-2"));
        assertEquals(Optional.empty(), steps.capture(tenant, merchantPayment, held, Leg.HOLD));
        assertEquals(Optional.empty(), steps.giveBack(tenant, merchantPayment, held, Leg.HOLD));
        assertEquals(List.of(LegState.BOOKED), legLog.of(tenant.id(), Direction.OUTBOUND, merchantPayment.ref()).stream()
            .map(LegRecord::state).distinct().toList(), "every leg written and booked");

        assertEquals(List.of("debit", "refund", "holdDebit", "captureDebit", "releaseDebit"), calls);
        assertEquals(List.of(Leg.DEBIT, Leg.REFUND, Leg.HOLD, Leg.CAPTURE, Leg.RELEASE_HOLD),
            requests.stream().map(r -> r.leg().orElseThrow().leg()).toList());
        assertEquals(5, new HashSet<>(requests.stream().map(DebitRequest::key).toList()).size(), "one key per leg");
        assertEquals("mj-1-debit", requests.get(0).key());
        assertEquals("mj-1-refund", requests.get(1).key());
        assertEquals(Optional.of("R-1"), requests.get(1).reference());
        for (DebitRequest request : requests) {
            assertEquals(1, request.attempt(), "the first call of each leg");
            assertEquals("101", request.amount().plain(), "the customer pays the amount and the fee");
            var context = request.context();
            assertEquals(TransactionType.PAYMENT, context.type(), "a merchant payment");
            assertEquals("100", context.amount().plain());
            assertEquals("1", context.fee().plain());
            assertEquals(2, context.minorUnits());
            assertEquals("mj-1", context.transferId());
            assertEquals(Optional.of("Shop Ltd"), context.payee().name());
            assertEquals(Optional.of("shopbank"), context.payee().fspId());
            assertEquals(Optional.of("Alice Banda"), context.payer().name());
            assertEquals(Optional.of("banka"), context.payer().fspId());
            assertTrue(context.expiresAt().isPresent());
            assertEquals("SB-0001", context.customer().orElseThrow().accountNo(), "the payer as resolved when the transfer started");
        }
    }

    @Test
    void aSendMoneyIsATransfer() {
        var tenant = new Tenant(new TenantId("bank-a"), Tenants.document(Tenants.standard("banka")), true, 1, Instant.EPOCH);
        Outbound send = outbound("SEND", 0);
        steps().take(tenant, send, DebitSteps.request(send, Optional.empty()), Leg.DEBIT);
        assertEquals(TransactionType.TRANSFER, requests.getFirst().context().type());
        assertEquals(1, requests.getFirst().attempt());
    }

    private static Outbound outbound(String amountType, int attempts) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        var resolved = new Party(PartyId.of("MSISDN", "260971000001"), "SB-0001", "Alice", Optional.empty(), "Banda", "Alice Banda",
            Optional.empty(), Set.of("ZMW"), AccountStatus.ACTIVE, Optional.empty());
        var payer = TransferParty.stored(resolved).named(Optional.of("Alice Banda"), Optional.of("banka"));
        var payee = TransferParty.of("MSISDN", "260972000002").named(Optional.of("Shop Ltd"), Optional.of("shopbank"));
        var transfer = new Transfer(new TenantId("bank-a"), Direction.OUTBOUND, "ref-" + UUID.randomUUID(), "home-1", TransferState.QUOTED,
            Optional.empty(),
            Optional.empty(), amountType, "TRANSFER", "ZMW", new BigDecimal("100"), new BigDecimal("100"), TransferParty.of("MSISDN",
            "260972000002"), payer, "hash", PayerAnswer.pending("home-1"), Optional.empty(), Optional.empty(), attempts, Optional.empty(),
            Optional.of(now.plusSeconds(60)), now, now);
        var quoted = new QuotedBody("mj-1", "home-1", payee, "100", "ZMW", "100", "ZMW", new QuotedBody.Fees("0", "1", "ZMW"), "101",
            "WAITING_FOR_QUOTE_ACCEPTANCE", Optional.empty());
        return new Outbound(transfer, Optional.of("mj-1"), Optional.of(StoredAnswer.of(quoted)));
    }
}
