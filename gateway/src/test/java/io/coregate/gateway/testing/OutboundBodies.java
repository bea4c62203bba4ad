package io.coregate.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies the {@link OutboundSimulator} answers with, shaped as {@code sdk-outbound-v2_1_0.yaml} declares them. */
final class OutboundBodies {

    /** A valid-looking ILP condition (43 base64url characters) and packet. */
    private static final String CONDITION = "HOr22-H3AfTDHrSkPjJtVPRdKouuMkDXTR4ejlQa8Ks";
    private static final String PACKET = "AYIBgQAAAAAAAASwNGxldmVsb25lLmRmc3AxLm1lci45T2RTOF81MDdqUUZERmZlakgyOVc4bXFmNEpLMHlGTFGCAUBQU0svMS4w"
        + "Ck5vbmNlOiB1";

    private OutboundBodies() {
    }

    /** A {@code transferResponse}: the request echoed with the state, the payee, the quote and, once done, the fulfil. */
    static Map<String, Object> transfer(SimulatedTransfer transfer, boolean extras) {
        JsonNode request = transfer.request();
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", transfer.id());
        body.put("homeTransactionId", request.path("homeTransactionId").asText());
        body.put("from", Http.JSON.convertValue(request.path("from"), Map.class));
        body.put("to", payee(request.path("to")));
        body.put("amountType", request.path("amountType").asText());
        body.put("currency", request.path("currency").asText());
        body.put("amount", request.path("amount").asText());
        body.put("transactionType", request.path("transactionType").asText());
        body.put("currentState", transfer.state());
        body.put("quoteId", transfer.quoteId());
        body.put("getPartiesResponse", Map.of("body", Map.of("party", party(request.path("to"))), "headers", Map.of()));
        body.put("quoteResponse", Map.of("body", quote(transfer), "headers", Map.of()));
        body.put("quoteResponseSource", "payeefsp");
        if (transfer.hubState() != null && "COMMITTED".equals(transfer.hubState())) {
            body.put("fulfil", Map.of("body", fulfil(transfer), "headers", Map.of()));
        }
        if (extras) {
            // The real connector answers with much more than the spec lists; a client must ignore it.
            body.put("initiatedTimestamp", Instant.now().toString());
            body.put("direction", "OUTBOUND");
            body.put("prepare", Map.of("headers", Map.of("fspiop-source", "payerfsp"), "body", Map.of("transferId", transfer.id())));
            if ("ABORTED".equals(transfer.state())) {
                body.put("abortedReason", "Quote rejected by backend");
            }
        }
        return body;
    }

    /** A {@code transferStatusResponse}. */
    static Map<String, Object> status(SimulatedTransfer transfer) {
        return Map.of("transferId", transfer.id(), "currentState", "COMPLETED", "fulfil", Map.of("body", fulfil(transfer), "headers", Map.of()));
    }

    /** An {@code errorTransferResponse} carrying a Mojaloop error, as the connector answers a hub or payee error. */
    static Map<String, Object> mojaloopError(String code, String text, Map<String, Object> state) {
        var withError = new LinkedHashMap<>(state);
        withError.put("currentState", "ERROR_OCCURRED");
        withError.put("lastError", Map.of("httpStatusCode", 500,
            "mojaloopError", Map.of("errorInformation", Map.of("errorCode", code, "errorDescription", text))));
        return Map.of("message", "Got an error response: " + code + " " + text, "statusCode", code, "transferState", withError);
    }

    /** An {@code errorTransferResponse} without a Mojaloop error (a bare HTTP status in {@code statusCode}). */
    static Map<String, Object> httpError(int status, String message, Map<String, Object> state) {
        var withError = new LinkedHashMap<>(state);
        withError.put("currentState", "ERROR_OCCURRED");
        withError.put("lastError", Map.of("httpStatusCode", status));
        return Map.of("message", message, "statusCode", Integer.toString(status), "transferState", withError);
    }

    private static Map<String, Object> payee(JsonNode to) {
        var party = new LinkedHashMap<String, Object>();
        party.put("type", "CONSUMER");
        party.put("idType", to.path("idType").asText());
        party.put("idValue", to.path("idValue").asText());
        party.put("displayName", "Mary Phiri");
        party.put("firstName", "Mary");
        party.put("lastName", "Phiri");
        party.put("fspId", "payeefsp");
        party.put("supportedCurrencies", java.util.List.of("ZMW"));
        return party;
    }

    private static Map<String, Object> party(JsonNode to) {
        return Map.of(
            "partyIdInfo", Map.of("partyIdType", to.path("idType").asText(), "partyIdentifier", to.path("idValue").asText(), "fspId", "payeefsp"),
            "name", "Mary Phiri",
            "personalInfo", Map.of("complexName", Map.of("firstName", "Mary", "lastName", "Phiri")),
            "supportedCurrencies", java.util.List.of("ZMW"));
    }

    private static Map<String, Object> quote(SimulatedTransfer transfer) {
        JsonNode request = transfer.request();
        String currency = request.path("currency").asText();
        BigDecimal amount = new BigDecimal(request.path("amount").asText());
        BigDecimal fee = transfer.plan().fee();
        boolean send = "SEND".equals(request.path("amountType").asText());
        var body = new LinkedHashMap<String, Object>();
        body.put("transferAmount", money(send ? amount : amount.add(fee), currency));
        body.put("payeeReceiveAmount", money(send ? amount.subtract(fee) : amount, currency));
        body.put("payeeFspFee", money(fee, currency));
        body.put("payeeFspCommission", money(BigDecimal.ZERO, currency));
        body.put("expiration", Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString()
            .replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z"));
        body.put("ilpPacket", PACKET);
        body.put("condition", CONDITION);
        return body;
    }

    private static Map<String, Object> fulfil(SimulatedTransfer transfer) {
        var body = new LinkedHashMap<String, Object>();
        if ("COMMITTED".equals(transfer.hubState())) {
            body.put("fulfilment", "UNlJ98hZTY_dsw0cAqw4i_UN3v4utt7CZFB4yfLbVFA");
            body.put("completedTimestamp", "2026-11-28T12:00:00.000Z");
        }
        body.put("transferState", transfer.hubState());
        return body;
    }

    private static Map<String, String> money(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return Map.of("currency", currency, "amount", (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString());
    }
}
