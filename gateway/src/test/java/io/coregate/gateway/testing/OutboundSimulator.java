package io.coregate.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Mojaloop Connector outbound API ({@code sdk-outbound-v2_1_0.yaml}) on a random 127.0.0.1 port, for tests:
 * {@code POST /transfers} resolves the payee and quotes (WAITING_FOR_QUOTE_ACCEPTANCE), {@code PUT /transfers/{id}}
 * {@code acceptQuote: true} completes (COMPLETED, hub COMMITTED) and {@code false} aborts (ABORTED, as the real
 * connector answers), {@code GET /transfers/{id}} reports the hub's state. What happens is programmable per payee id
 * or per transfer with a {@link SimulatorPlan}: errors with spec-shaped bodies, 504s, hangs and unknown outcomes.
 * Answers carry extra fields as the real connector's do, unless {@link #specOnly()}. Thread-safe.
 */
public final class OutboundSimulator implements AutoCloseable {

    private final Map<String, SimulatorPlan> payeePlans = new ConcurrentHashMap<>();
    private final Map<String, SimulatedTransfer> transfers = new ConcurrentHashMap<>();
    private final Map<String, String> hubStates = new ConcurrentHashMap<>();
    /** Synchronized, not copy-on-write: the benchmark's load process sends it hundreds of thousands of calls. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);
    private final WebServer server;
    private volatile boolean extras = true;

    private OutboundSimulator() {
        this.server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false).routing(this::routing).build().start();
    }

    /** A running simulator. */
    public static OutboundSimulator start() {
        return new OutboundSimulator();
    }

    /** Its base URL: a tenant's {@code sdk.outboundUrl}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Answers about transfers to this payee id as planned. */
    public OutboundSimulator planFor(String payeeId, SimulatorPlan plan) {
        payeePlans.put(payeeId, plan);
        return this;
    }

    /** Changes the plan of an existing transfer. */
    public void planFor(SimulatedTransfer transfer, SimulatorPlan plan) {
        transfer.plan(plan);
    }

    /** Answers with only the fields the spec declares (for shape checks). */
    public OutboundSimulator specOnly() {
        extras = false;
        return this;
    }

    /** A transfer it created. */
    /**
     * Makes {@code GET /transfers/{transferId}} report the hub's {@code transferState} (COMMITTED, ABORTED, ...) for a
     * transfer this Connector did not send: an inbound one, as a payee DFSP's Connector reads it from the hub.
     */
    public OutboundSimulator hubState(String transferId, String transferState) {
        hubStates.put(transferId, transferState);
        return this;
    }

    public Optional<SimulatedTransfer> transfer(String transferId) {
        return Optional.ofNullable(transfers.get(transferId));
    }

    /** Every call received, as {@code "METHOD path"}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void routing(HttpRouting.Builder routing) {
        routing.post("/transfers", this::post)
            .put("/transfers/{transferId}", this::put)
            .get("/transfers/{transferId}", this::get);
    }

    private void post(ServerRequest request, ServerResponse response) throws InterruptedException {
        calls.add("POST /transfers");
        JsonNode body = read(request);
        var transfer = new SimulatedTransfer(body, payeePlans.getOrDefault(body.path("to").path("idValue").asText(), SimulatorPlan.normal()));
        SimulatorPlan plan = transfer.plan();
        switch (plan.post()) {
            case OK -> {
                transfers.put(transfer.id(), transfer);
                send(response, 200, OutboundBodies.transfer(transfer, extras));
            }
            case ERROR -> send(response, 500,
                OutboundBodies.mojaloopError(plan.errorCode(), plan.errorText(), OutboundBodies.transfer(transfer, false)));
            case TIMEOUT_504 -> send(response, 504,
                OutboundBodies.httpError(504, "Timeout resolving payee", OutboundBodies.transfer(transfer, false)));
            case HANG -> hang(response);
            case AUTO_ACCEPT -> {
                transfers.put(transfer.id(), transfer);
                transfer.settle("COMPLETED", "COMMITTED");
                send(response, 200, OutboundBodies.transfer(transfer, extras));
            }
        }
    }

    private void put(ServerRequest request, ServerResponse response) throws InterruptedException {
        String id = request.path().pathParameters().get("transferId");
        calls.add("PUT /transfers/" + id);
        JsonNode body = read(request);
        SimulatedTransfer transfer = transfers.get(id);
        if (transfer == null || !body.path("acceptQuote").isBoolean()) {
            send(response, 500, Map.of("message", "No cached data found for transferId: " + id, "statusCode", "500", "transferState", Map.of()));
            return;
        }
        transfer.countAccept();
        SimulatorPlan plan = transfer.plan();
        if (!body.path("acceptQuote").asBoolean()) {
            transfer.settle("ABORTED", null);
            send(response, 200, OutboundBodies.transfer(transfer, extras));
            return;
        }
        switch (plan.accept()) {
            case OK -> {
                transfer.settle("COMPLETED", "COMMITTED");
                send(response, 200, OutboundBodies.transfer(transfer, extras));
            }
            case ERROR -> {
                transfer.settle("ERROR_OCCURRED", "ABORTED");
                send(response, 500, OutboundBodies.mojaloopError(plan.errorCode(), plan.errorText(), OutboundBodies.transfer(transfer, false)));
            }
            case TIMEOUT_504 -> {
                transfer.settle("ERROR_OCCURRED", plan.hubOutcome());
                send(response, 504, OutboundBodies.httpError(504, "Timeout waiting for fulfil for transfer " + id,
                    OutboundBodies.transfer(transfer, false)));
            }
            case HANG -> {
                transfer.settle("WAITING_FOR_QUOTE_ACCEPTANCE", plan.hubOutcome());
                hang(response);
            }
        }
    }

    private void get(ServerRequest request, ServerResponse response) throws InterruptedException {
        String id = request.path().pathParameters().get("transferId");
        calls.add("GET /transfers/" + id);
        SimulatedTransfer transfer = transfers.get(id);
        if (transfer == null && hubStates.containsKey(id)) {
            send(response, 200, Map.of("transferId", id, "currentState", "COMMITTED".equals(hubStates.get(id)) ? "COMPLETED" : "ERROR_OCCURRED",
                "fulfil", Map.of("body", Map.of("transferState", hubStates.get(id)), "headers", Map.of())));
            return;
        }
        if (transfer != null && transfer.countRead() <= transfer.plan().failedReads()) {
            send(response, 500, Map.of("statusCode", "500", "message", "Internal server error"));
            return;
        }
        if (transfer != null && transfer.plan().status() == SimulatorPlan.Step.HANG) {
            hang(response);
            return;
        }
        if (transfer == null || transfer.hubState() == null) {
            // The hub never saw it: the spec declares errorResponse for this answer.
            send(response, 500, Map.of("statusCode", "3208", "message", "Transfer ID not found"));
            return;
        }
        send(response, 200, OutboundBodies.status(transfer));
    }

    private void hang(ServerResponse response) throws InterruptedException {
        if (!closing.await(60, TimeUnit.SECONDS)) {
            send(response, 504, Map.of("statusCode", "504", "message", "simulator hang ended"));
        }
    }

    private static JsonNode read(ServerRequest request) {
        try {
            return Http.JSON.readTree(request.content().as(byte[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(ServerResponse response, int status, Object body) {
        try {
            response.status(Status.create(status));
            response.header(HeaderValues.CONTENT_TYPE_JSON);
            response.send(Http.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop();
    }
}
