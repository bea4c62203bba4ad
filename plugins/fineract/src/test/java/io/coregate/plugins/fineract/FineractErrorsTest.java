package io.coregate.plugins.fineract;

import static io.coregate.plugins.fineract.Fixture.debit;
import static io.coregate.plugins.fineract.Fixture.failed;
import static io.coregate.plugins.fineract.Fixture.zmw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.SimResponse;
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
import org.junit.jupiter.api.Test;

/** Every error the simulated Fineract answers, provoked for real where it can be, becomes the right failure kind. */
class FineractErrorsTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void checkBooks() {
        f.close();
        assertEquals(List.of(), f.fineract.simulator().ledger().violations());
    }

    @Test
    void insufficientFundsIs403AndInsufficientFunds() {
        var failure = failed(f.adapter.debit(debit(id(), FineractSimulator.ALICE, zmw("5001"), Leg.DEBIT, 1, Optional.empty())));
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, failure.kind());
        assertTrue(failure.message().contains("error.msg.savingsaccount.transaction.insufficient.account.balance"), failure.message());
        assertEquals(403, f.fineract.simulator().journal().of(FineractSimulator.TRANSFERS).getLast().status());
        assertEquals(FailureKind.INSUFFICIENT_FUNDS,
                failed(f.adapter.holdDebit(debit(id(), FineractSimulator.ALICE, zmw("5001"), Leg.HOLD, 1, Optional.empty()))).kind());
    }

    @Test
    void subStatusBlocksAreBlocked() {
        f.fineract.subStatus(FineractSimulator.ALICE.savingsId(), "blockDebit");
        var debit = failed(f.adapter.debit(debit(id(), FineractSimulator.ALICE, zmw("5"), Leg.DEBIT, 1, Optional.empty())));
        assertEquals(FailureKind.BLOCKED, debit.kind(), debit.message());
        assertTrue(debit.message().contains("error.msg.savings.account.debit.transaction.not.allowed"), debit.message());
        var credit = f.credit(id(), FineractSimulator.BOB, zmw("5"), Leg.COMMIT, 1);
        f.fineract.subStatus(FineractSimulator.BOB.savingsId(), "blockCredit");
        var early = failed(f.adapter.reserveCredit(credit.forLeg(Leg.RESERVE, 1)));
        assertEquals(FailureKind.BLOCKED, early.kind(), "refused before the hub commits: " + early.message());
        var refused = failed(f.adapter.commitCredit(credit));
        assertEquals(FailureKind.BLOCKED, refused.kind(), refused.message());
        assertTrue(refused.message().contains("error.msg.savings.account.credit.transaction.not.allowed"), refused.message());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertEquals(FailureKind.NOT_FOUND, failed(f.adapter.balance("999", "ZMW")).kind());
        assertEquals(FailureKind.UNSUPPORTED_CURRENCY, failed(f.adapter.balance("12", "USD")).kind());
    }

    @Test
    void transportAndServerAnswersMapToUnavailableOrTimeout() {
        var cases = Map.of(
                FailureKind.UNAVAILABLE, List.of(Fault.serverErrorBeforeBooking(), Fault.expiredToken()),
                FailureKind.TIMEOUT, List.of(Fault.dropAfterBooking(), Fault.answer(SimResponse.of(500, Map.of("error", "boom"))),
                        Fault.answer(FineractSimulator.error(409, "error.msg.idempotent.request.under.processing", "in progress")),
                        Fault.answer(FineractSimulator.error(425, "error.msg.idempotent.request.under.processing", "in progress"))),
                FailureKind.REJECTED, List.of(Fault.answer(FineractSimulator.error(400, "validation.msg.validation.errors.exist", "bad")),
                        Fault.errorIn200(FineractSimulator.errorFor(FailureKind.REJECTED))));
        cases.forEach((kind, faults) -> faults.forEach(fault -> {
            f.fineract.simulator().inject(FineractSimulator.TRANSFERS, fault, 1);
            var failure = failed(f.adapter.commitCredit(f.credit(id(), FineractSimulator.BOB, zmw("1"), Leg.COMMIT, 1)));
            assertEquals(kind, failure.kind(), fault + ": " + failure.message());
        }));
    }

    @Test
    void aTenantsErrorCodesOverrideTheTable() {
        try (var tenant = new Fixture(Map.of("errorCodes", Map.of("validation.msg.validation.errors.exist", "LIMIT_EXCEEDED")))) {
            tenant.fineract.simulator().inject(FineractSimulator.TRANSFERS, Fault.answer(FineractSimulator.errorFor(FailureKind.REJECTED)), 1);
            assertEquals(FailureKind.LIMIT_EXCEEDED,
                    failed(tenant.adapter.debit(debit(id(), FineractSimulator.ALICE, zmw("1"), Leg.DEBIT, 1, Optional.empty()))).kind());
        }
    }

    @Test
    void fineractRefusesCommandsWithoutLocale() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String auth = "Basic " + basic();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.fineract.baseUrl() + "/accounttransfers"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"transferAmount\":\"1\",\"dateFormat\":\"yyyy-MM-dd\"}"));
        var withoutLocale = client.send(request.header(FineractClient.TENANT_HEADER, FineractSimulator.TENANT).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, withoutLocale.statusCode(), withoutLocale.body());
        assertTrue(withoutLocale.body().contains("locale"), withoutLocale.body());
        var withoutTenant = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, withoutTenant.statusCode(), withoutTenant.body());
        client.close();
    }

    @Test
    void thePasswordIsNeverInALogLineOrAMessage() {
        Logger logger = Logger.getLogger(FineractClient.class.getName());
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
            f.fineract.simulator().inject(FineractSimulator.TRANSFERS, Fault.expiredToken(), 1);
            f.fineract.simulator().inject(FineractSimulator.SEARCH, Fault.hang(), 1);
            var debit = debit(id(), FineractSimulator.ALICE, zmw("1"), Leg.DEBIT, 1, Optional.empty());
            messages.add(f.adapter.debit(debit).toString());
            messages.add(f.adapter.lookupParty(Fixture.msisdn(FineractSimulator.BOB)).toString());
            messages.add(f.adapter.debit(debit).toString());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        String basic = basic();
        assertFalse(records.isEmpty(), "the client logged nothing to check");
        for (LogRecord r : records) {
            String line = r.getMessage() + (r.getThrown() == null ? "" : r.getThrown().toString());
            assertFalse(line.contains(FineractSimulator.PASSWORD) || line.contains(basic), line);
        }
        messages.forEach(m -> assertFalse(m.contains(FineractSimulator.PASSWORD) || m.contains(basic), m));
        assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("Authorization")), "the request headers were logged, masked");
    }

    private static String basic() {
        String pair = FineractSimulator.USERNAME + ":" + FineractSimulator.PASSWORD;
        return java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
