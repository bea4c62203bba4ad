package io.coregate.bench;

import io.coregate.gateway.testing.Payee;

import java.util.Map;

/**
 * The payee sequence as the Mojaloop Connector drives it, with its bodies (the test fixtures' {@link Payee}): party
 * lookup, quote, transfer (reserve in the CBS, logged RESERVED), and the PUT notification COMPLETED (commit in the CBS,
 * logged COMMITTED, liquidity position moved). Four calls, each durable in PostgreSQL except the lookup.
 */
final class PayeeSequence {

    static final int CALLS = 4;

    private PayeeSequence() {
    }

    /** Runs one sequence against {@code /tenant}. */
    static boolean run(RawHttp client, String tenant, Samples samples) throws Exception {
        String prefix = "/" + tenant;
        Calls.call(samples, client, "GET", prefix + "/parties/MSISDN/" + Payee.ALICE, Calls.NONE, 200);
        Map<String, Object> quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "1");
        var quote = Calls.call(samples, client, "POST", prefix + "/quoterequests", Calls.json(quoteRequest), 200);
        String transferId = Payee.id();
        Calls.call(samples, client, "POST", prefix + "/transfers",
            Calls.json(Payee.transfer(transferId, quoteRequest, Calls.object(quote))), 200);
        Calls.call(samples, client, "PUT", prefix + "/transfers/" + transferId, Calls.json(Payee.notification(transferId, "COMPLETED")), 200);
        return true;
    }
}
