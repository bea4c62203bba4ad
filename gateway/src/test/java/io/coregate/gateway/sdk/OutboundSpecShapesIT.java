package io.coregate.gateway.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.OpenApiShapes;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the client writes and what the simulator answers conform to {@code sdk-outbound-v2_1_0.yaml} (the copy in
 * {@code src/test/resources/spec}). The simulator runs in its spec-only mode here; the real connector's extra fields, and its
 * {@code currentState: ABORTED} for a rejected quote, are outside the spec and tested elsewhere.
 */
class OutboundSpecShapesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OpenApiShapes spec;
    private static OutboundSimulator simulator;

    @BeforeAll
    static void start() {
        spec = OpenApiShapes.bundled("sdk-outbound-v2_1_0.yaml");
        simulator = OutboundSimulator.start().specOnly();
        simulator.planFor("260972999001", SimulatorPlan.normal().postError("3204", "Party not found"));
        simulator.planFor("260972999002", SimulatorPlan.normal().post(SimulatorPlan.Step.TIMEOUT_504));
        simulator.planFor("260972999003", SimulatorPlan.normal().acceptUnknown(SimulatorPlan.Step.TIMEOUT_504, "COMMITTED"));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static byte[] request(String payeeId, AmountType type) {
        var payer = new OutboundTransfer.Party(PartyId.of("MSISDN", "260971000001"), Optional.of("Alice Banda"), Optional.of("CONSUMER"));
        return TransferJson.transferRequest(new OutboundTransfer("home-" + payeeId, payer,
            OutboundTransfer.Party.of(new PartyId("ACCOUNT_ID", payeeId, Optional.of("sub"))), type, Money.of("12.50", "ZMW"),
            OutboundTransfer.TRANSFER, Optional.of("lunch")));
    }

    private static HttpResponse<String> call(String method, String path, byte[] body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(simulator.url() + path)).header("Content-Type", "application/json")
            .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return Http.JSON.readTree(bytes);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Http.JSON.readTree(response.body());
    }

    @Test
    void clientRequestsAreTheSpecsTransferRequestAndAcceptQuote() throws IOException {
        assertEquals(List.of(), spec.problems("transferRequest", json(request("1", AmountType.SEND))));
        assertEquals(List.of(), spec.problems("transferRequest", json(request("1", AmountType.RECEIVE))));
        assertEquals(List.of(), spec.problems("transferContinuationAcceptQuote", json(TransferJson.acceptQuote(true))));
        assertEquals(List.of(), spec.problems("transferContinuationAcceptQuote", json(TransferJson.acceptQuote(false))));
    }

    @Test
    void validatorCatchesWhatTheSpecForbids() throws IOException {
        var request = (ObjectNode) json(request("1", AmountType.SEND));
        request.put("amount", "12.50").put("colour", "blue").remove("currency");
        assertEquals(3, spec.problems("transferRequest", request).size(), spec.problems("transferRequest", request).toString());
    }

    @Test
    void validatorReadsNestedSchemas() throws IOException, InterruptedException {
        var posted = (ObjectNode) json(call("POST", "/transfers", request("260972000200", AmountType.SEND)));
        ((ObjectNode) posted.path("quoteResponse").path("body").path("transferAmount")).put("amount", "1.50");
        ((ObjectNode) posted.path("to")).put("idType", "PHONE");
        var problems = spec.problems("transferResponse", posted);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void simulatorWalksTheSpecsShapesToCompletion() throws IOException, InterruptedException {
        var posted = call("POST", "/transfers", request("260972000100", AmountType.SEND));
        assertEquals(200, posted.statusCode());
        assertEquals(List.of(), spec.problems("transferResponse", json(posted)));
        String id = json(posted).path("transferId").asText();
        var accepted = call("PUT", "/transfers/" + id, TransferJson.acceptQuote(true));
        assertEquals(200, accepted.statusCode());
        assertEquals(List.of(), spec.problems("transferResponse", json(accepted)));
        assertEquals("COMPLETED", json(accepted).path("currentState").asText());
        var status = call("GET", "/transfers/" + id, new byte[0]);
        assertEquals(200, status.statusCode());
        assertEquals(List.of(), spec.problems("transferStatusResponse", json(status)));
    }

    @Test
    void simulatorErrorsAreTheSpecsErrorBodies() throws IOException, InterruptedException {
        var notFound = call("POST", "/transfers", request("260972999001", AmountType.SEND));
        assertEquals(500, notFound.statusCode());
        assertEquals(List.of(), spec.problems("errorTransferResponse", json(notFound)));
        var timedOut = call("POST", "/transfers", request("260972999002", AmountType.SEND));
        assertEquals(504, timedOut.statusCode());
        assertEquals(List.of(), spec.problems("errorTransferResponse", json(timedOut)));
        var quoted = call("POST", "/transfers", request("260972999003", AmountType.RECEIVE));
        var acceptTimedOut = call("PUT", "/transfers/" + json(quoted).path("transferId").asText(), TransferJson.acceptQuote(true));
        assertEquals(504, acceptTimedOut.statusCode());
        assertEquals(List.of(), spec.problems("errorTransferResponse", json(acceptTimedOut)));
        var unknown = call("GET", "/transfers/3f1c2a9e-7b4d-4c1e-9a2b-0d1e2f3a4b5c", new byte[0]);
        assertEquals(500, unknown.statusCode());
        assertEquals(List.of(), spec.problems("errorResponse", json(unknown)));
    }
}
