package io.coregate.gateway.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies the Mojaloop Connector sends on the payee side, as plain maps tests can alter. */
public final class Payee {

    /** Alice's MSISDN in the standard test bank. */
    public static final String ALICE = "260971000001";

    private Payee() {
    }

    /** A fresh lower-case UUID v4. */
    public static String id() {
        return UUID.randomUUID().toString();
    }

    /** A party as the backend API writes it. */
    public static Map<String, Object> party(String idType, String idValue, String fspId) {
        var party = new LinkedHashMap<String, Object>();
        party.put("idType", idType);
        party.put("idValue", idValue);
        party.put("fspId", fspId);
        return party;
    }

    /** A quote request to pay {@code msisdn} {@code amount} ZMW. */
    public static Map<String, Object> quote(String quoteId, String msisdn, String amountType, String amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("quoteId", quoteId);
        body.put("transactionId", id());
        body.put("to", party("MSISDN", msisdn, "bankA"));
        body.put("from", party("MSISDN", "260961111111", "payerfsp"));
        body.put("amountType", amountType);
        body.put("amount", amount);
        body.put("currency", "ZMW");
        body.put("transactionType", "TRANSFER");
        body.put("initiator", "PAYER");
        body.put("initiatorType", "CONSUMER");
        return body;
    }

    /** The transfer request that follows a quote answer. */
    public static Map<String, Object> transfer(String transferId, Map<String, Object> quoteRequest, Map<String, Object> quoteAnswer) {
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", transferId);
        body.put("quote", quoteAnswer);
        body.put("from", quoteRequest.get("from"));
        body.put("to", quoteRequest.get("to"));
        body.put("amountType", quoteRequest.get("amountType"));
        body.put("currency", quoteAnswer.get("transferAmountCurrency"));
        body.put("amount", quoteAnswer.get("transferAmount"));
        body.put("transactionType", "TRANSFER");
        body.put("ilpPacket", Map.of("data", Map.of("quoteId", quoteAnswer.get("quoteId"), "transactionId", quoteAnswer.get("transactionId"))));
        return body;
    }

    /** A completion notification in the spec's shape. */
    public static Map<String, Object> notification(String transferId, String currentState) {
        var body = new HashMap<String, Object>();
        body.put("transferId", transferId);
        body.put("direction", "INBOUND");
        body.put("currentState", currentState);
        body.put("initiatedTimestamp", "2026-11-28T10:00:00.000Z");
        body.put("fulfil", Map.of("body", Map.of("transferState", "COMMITTED", "completedTimestamp", "2026-11-28T10:00:01.000Z")));
        return body;
    }
}
