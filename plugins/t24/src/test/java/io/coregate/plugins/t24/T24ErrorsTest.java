package io.coregate.plugins.t24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.TransferContext;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugin.support.http.JsonResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every T24 error the README's table maps, in every place T24 puts it, becomes the right failure kind. */
class T24ErrorsTest {

    /** The README's table. */
    private static final Map<String, FailureKind> TABLE = new LinkedHashMap<>();

    static {
        List.of("AC-RECORD.NOT.FOUND", "ST-RECORD.NOT.FOUND", "PO-RECORD.NOT.FOUND", "AC-INVALID.ACCOUNT")
                .forEach(code -> TABLE.put(code, FailureKind.NOT_FOUND));
        List.of("AC-POSTING.RESTRICT", "AC-ACCT.INACTIVE", "AC-ACCOUNT.CLOSED").forEach(code -> TABLE.put(code, FailureKind.BLOCKED));
        List.of("ACCT.UNAUTH.OD", "AC-INSUFFICIENT.FUNDS").forEach(code -> TABLE.put(code, FailureKind.INSUFFICIENT_FUNDS));
        TABLE.put("PP-LIMIT.EXCEEDED", FailureKind.LIMIT_EXCEEDED);
        TABLE.put("AC-CCY.MISMATCH", FailureKind.UNSUPPORTED_CURRENCY);
        TABLE.put("EB-SERVICE.UNAVAILABLE", FailureKind.UNAVAILABLE);
        TABLE.put("PO-SOMETHING.ELSE", FailureKind.REJECTED);
    }

    private Simulator bank;
    private T24Client client;
    private T24Adapter adapter;

    @BeforeEach
    void start() {
        bank = T24Simulator.start();
        var settings = T24Settings.of(T24ContractTest.context(bank, Map.of("errorCodes", Map.of("LOCAL.FROZEN", "BLOCKED"))));
        client = new T24Client(settings, T24ContractTest.secrets(Map.of(T24Auth.TOKEN, T24Simulator.TOKEN)));
        adapter = new T24Adapter(settings, client);
    }

    @AfterEach
    void stop() {
        adapter.close();
        bank.close();
        assertEquals(List.of(), bank.ledger().violations());
    }

    @Test
    void eachMappedCodeRefusingAnOrderIsItsFailureKindAndBooksNothing() {
        TABLE.forEach((code, kind) -> {
            bank.inject(T24Simulator.ORDERS, Fault.answer(T24Simulator.error(400, code, "refused")), 1);
            assertFailed(kind, adapter.debit(debit()), code);
        });
        bank.inject(T24Simulator.ORDERS, Fault.answer(T24Simulator.error(400, "LOCAL.FROZEN", "frozen")), 1);
        assertFailed(FailureKind.BLOCKED, adapter.debit(debit()), "the tenant's errorCodes");
        assertEquals(List.of(), bank.ledger().postings().stream().filter(p -> !p.legKey().startsWith("open:")).toList());
    }

    @Test
    void theCodeDecidesInAnyStatusAndInBothErrorShapes() {
        TABLE.forEach((code, kind) -> {
            assertFailed(kind, client.interpret("GET /x", answer(200, T24Simulator.error(200, code, "inside a 200"))), code + " in a 200");
            assertFailed(kind, client.interpret("GET /x", answer(404, Map.of("header", Map.of(), "error",
                    Map.of("code", code, "message", "read API shape", "type", "BUSINESS")))), code + " as error.code");
        });
    }

    @Test
    void withoutACodeTheStatusDecidesAndAnUnknown5xxIsUnknown() {
        assertFailed(FailureKind.UNAVAILABLE, client.interpret("GET /x", new JsonResponse(401, MissingNode.getInstance())), "401");
        assertFailed(FailureKind.UNAVAILABLE, client.interpret("GET /x", new JsonResponse(403, MissingNode.getInstance())), "403");
        assertFailed(FailureKind.UNAVAILABLE, client.interpret("GET /x", new JsonResponse(503, MissingNode.getInstance())), "503");
        assertFailed(FailureKind.REJECTED, client.interpret("GET /x", new JsonResponse(404, MissingNode.getInstance())),
                "a 404 without T24's error body is a wrong path, not an empty answer");
        assertFailed(FailureKind.TIMEOUT, client.interpret("GET /x", new JsonResponse(500, MissingNode.getInstance())), "500");
        assertFailed(FailureKind.TIMEOUT, client.interpret("GET /x", answer(502, T24Simulator.error(502, "EB-UNKNOWN", "x"))),
                "a 5xx with an unlisted code may have booked");
        assertFailed(FailureKind.INSUFFICIENT_FUNDS, client.interpret("GET /x", answer(500, T24Simulator.error(500, "ACCT.UNAUTH.OD", "x"))),
                "a 5xx with a listed code");
        assertFailed(FailureKind.REJECTED, client.interpret("GET /x", new JsonResponse(400, MissingNode.getInstance())), "400");
        assertFailed(FailureKind.REJECTED, client.interpret("GET /x", answer(200, Map.of("header", Map.of("status", "failed")))),
                "a failed header in a 200");
    }

    private static JsonResponse answer(int status, Object body) {
        return new JsonResponse(status, body instanceof SimResponse sim ? sim.body() : SimResponse.of(status, body).body());
    }

    private static void assertFailed(FailureKind kind, Outcome<?> outcome, String what) {
        var failed = assertInstanceOf(Outcome.Failed.class, outcome, what);
        assertEquals(kind, failed.kind(), what + ": " + failed.message());
    }

    private static DebitRequest debit() {
        String id = UUID.randomUUID().toString();
        var payer = PartyId.of("ACCOUNT_ID", T24Simulator.ALICE.accountId());
        var amount = Money.of("10", "ZMW");
        return new DebitRequest(id, payer, amount, Optional.empty(), Optional.of(LegKey.first(id, Leg.DEBIT)),
                TransferContext.minimal(id, Counterparty.of(payer), Counterparty.of(PartyId.of("MSISDN", "260979000000")), amount));
    }
}
