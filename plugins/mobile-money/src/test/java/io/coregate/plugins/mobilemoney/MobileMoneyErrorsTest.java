package io.coregate.plugins.mobilemoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.support.http.JsonResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GSMA error objects and statuses as failure kinds, through the kit's error table and the tenant's overrides. */
class MobileMoneyErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MobileMoneyClient client = client(Map.of());

    @AfterEach
    void close() {
        client.close();
    }

    private static MobileMoneyClient client(Map<String, Object> settings) {
        var values = new java.util.HashMap<String, Object>(Map.of("baseUrl", "http://127.0.0.1:9/mm"));
        values.putAll(settings);
        var context = MobileMoneyContractTest.context(values, MobileMoneyContractTest.secrets(Map.of("apiKey", "k")));
        return new MobileMoneyClient(MobileMoneySettings.of(context), context.secrets(), java.util.Optional.empty());
    }

    @Test
    void eachGsmaCodeMeansItsKind() {
        Map<String, FailureKind> expected = Map.ofEntries(
                Map.entry("identifierError", FailureKind.NOT_FOUND),
                Map.entry("insufficientFunds", FailureKind.INSUFFICIENT_FUNDS),
                Map.entry("incorrectState", FailureKind.BLOCKED),
                Map.entry("dailyValueLimitExceeded", FailureKind.LIMIT_EXCEEDED),
                Map.entry("weeklyVolumeLimitExceeded", FailureKind.LIMIT_EXCEEDED),
                Map.entry("monthlyValueLimitExceeded", FailureKind.LIMIT_EXCEEDED),
                Map.entry("currencyNotSupported", FailureKind.UNSUPPORTED_CURRENCY),
                Map.entry("requestDeclined", FailureKind.REJECTED),
                Map.entry("formatError", FailureKind.REJECTED));
        expected.forEach((code, kind) -> assertEquals(kind, failed(client.interpret("POST /x", answer(400, Map.of("errorCategory",
                "businessRule", "errorCode", code, "errorDescription", "d")))).kind(), code));
    }

    @Test
    void theLowerCaseErrordescriptionIsReadToo() {
        var failed = failed(client.interpret("POST /x", answer(400, Map.of("errorCategory", "businessRule", "errorCode", "requestDeclined",
                "errordescription", "declined by the customer"))));
        assertTrue(failed.message().contains("declined by the customer"), failed.message());
        assertTrue(failed.message().contains("requestDeclined"), failed.message());
    }

    @Test
    void anErrorInsideA200IsAFailure() {
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, failed(client.interpret("POST /x", answer(200, Map.of("errorCategory", "businessRule",
                "errorCode", "insufficientFunds")))).kind());
    }

    @Test
    void duplicateRequestIsToldApart() {
        var outcome = client.interpret("POST /x", answer(409, Map.of("errorCategory", "validation", "errorCode", "duplicateRequest")));
        assertTrue(MobileMoneyClient.duplicate(outcome), outcome.toString());
        assertTrue(!MobileMoneyClient.duplicate(client.interpret("POST /x", answer(400, Map.of("errorCode", "requestDeclined")))));
    }

    @Test
    void statusesWithoutAGsmaErrorSayWhetherAnythingMayHaveHappened() {
        assertEquals(FailureKind.UNAVAILABLE, failed(client.interpret("GET /x", new JsonResponse(401, MissingNode.getInstance()))).kind());
        assertEquals(FailureKind.UNAVAILABLE, failed(client.interpret("GET /x", new JsonResponse(503, MissingNode.getInstance()))).kind());
        assertEquals(FailureKind.TIMEOUT, failed(client.interpret("POST /x", new JsonResponse(500, MissingNode.getInstance()))).kind());
        assertEquals(FailureKind.REJECTED, failed(client.interpret("GET /x", new JsonResponse(404, MissingNode.getInstance()))).kind(),
                "a 404 without a GSMA error is a path the provider does not serve, not 'not found'");
        assertEquals(FailureKind.TIMEOUT, failed(client.interpret("POST /x", answer(500, Map.of("errorCategory", "internal", "errorCode",
                "genericError")))).kind(), "a 5xx with an unlisted code may have booked");
        assertEquals(FailureKind.UNAVAILABLE, failed(client.interpret("POST /x", answer(400, Map.of("errorCategory", "serviceUnavailable",
                "errorCode", "genericError")))).kind());
    }

    @Test
    void theTenantsErrorCodesOverrideTheDefaults() {
        try (var custom = client(Map.of("errorCodes", Map.of("requestDeclined", "BLOCKED", "*", "UNAVAILABLE")))) {
            assertEquals(FailureKind.BLOCKED, failed(custom.interpret("POST /x", answer(400, Map.of("errorCode", "requestDeclined")))).kind());
            assertEquals(FailureKind.UNAVAILABLE, failed(custom.interpret("POST /x", answer(400, Map.of("errorCode", "somethingNew")))).kind());
        }
    }

    private static JsonResponse answer(int status, Map<String, Object> body) {
        return new JsonResponse(status, JSON.valueToTree(body));
    }

    private static Outcome.Failed<?> failed(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Failed.class, outcome, () -> "expected failed: " + outcome);
    }
}
