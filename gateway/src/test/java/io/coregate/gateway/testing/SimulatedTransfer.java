package io.coregate.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** One transfer inside the {@link OutboundSimulator}: the request, the connector's state and the hub's. Thread-safe. */
public final class SimulatedTransfer {

    private final String id = UUID.randomUUID().toString();
    private final String quoteId = UUID.randomUUID().toString();
    private final JsonNode request;
    private volatile SimulatorPlan plan;
    private volatile String state = "WAITING_FOR_QUOTE_ACCEPTANCE";
    private volatile String hubState;
    private int accepts;
    private int reads;

    SimulatedTransfer(JsonNode request, SimulatorPlan plan) {
        this.request = request;
        this.plan = plan;
    }

    /** The transfer id the simulated connector chose. */
    public String id() {
        return id;
    }

    String quoteId() {
        return quoteId;
    }

    /** The {@code POST /transfers} body as received. */
    public JsonNode request() {
        return request;
    }

    SimulatorPlan plan() {
        return plan;
    }

    void plan(SimulatorPlan newPlan) {
        this.plan = newPlan;
    }

    /** The connector's state: WAITING_FOR_QUOTE_ACCEPTANCE, COMPLETED, ABORTED or ERROR_OCCURRED. */
    public String state() {
        return state;
    }

    /** The hub's state (COMMITTED, ABORTED), null until the transfer reached the hub. */
    public String hubState() {
        return hubState;
    }

    /** How many accepts (or rejections) arrived. */
    public synchronized int accepts() {
        return accepts;
    }

    synchronized int countAccept() {
        return ++accepts;
    }

    synchronized int countRead() {
        return ++reads;
    }

    void settle(String connectorState, String hub) {
        this.state = connectorState;
        this.hubState = hub;
    }
}
