package io.coregate.bench;

import io.coregate.gateway.testing.Payers;

import java.util.Map;

/**
 * The payer sequence from a DFSP channel (the test fixtures' {@link Payers} bodies): send-money (reserve liquidity,
 * POST /transfers to the Connector, which the load process simulates with no latency) then accept (debit the customer in
 * the CBS, PUT /transfers/{id} acceptQuote true, post the reservation). Two calls, each several durable steps.
 */
final class PayerSequence {

    static final int CALLS = 2;

    private PayerSequence() {
    }

    /** Runs one sequence as {@code tenant}; the client carries the tenant's API key. */
    static boolean run(RawHttp client, String tenant, Samples samples) throws Exception {
        String home = Payers.home();
        var sent = Calls.call(samples, client, "POST", "/" + tenant + "/send-money", Calls.json(Payers.sendMoney(home, Payers.MARY, "1")), 200);
        String transferId = String.valueOf(Calls.object(sent).get("transferId"));
        var accepted = Calls.call(samples, client, "PUT", "/" + tenant + "/send-money/" + transferId,
            Calls.json(Map.of("acceptQuote", true, "homeTransactionId", home)), 200);
        Object state = Calls.object(accepted).get("currentState");
        if (!"COMPLETED".equals(state)) {
            throw new IllegalStateException("accept answered currentState " + state);
        }
        return true;
    }
}
