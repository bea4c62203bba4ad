package io.coregate.gateway.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.payer.ConnectorErrors;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.payer.ConnectorTransfer;

import java.util.Optional;

/**
 * Reads what the connector answered into outcomes. Error bodies are the outbound API's {@code errorTransferResponse}
 * ({@code statusCode}, {@code message}, {@code transferState} with {@code lastError.httpStatusCode} and
 * {@code lastError.mojaloopError.errorInformation}); the hub's or payee's FSPIOP code there wins over {@code statusCode},
 * which the connector sets to a bare HTTP status when it has no FSPIOP code. Stateless.
 */
final class Replies {

    private Replies() {
    }

    /** The answer to {@code POST /transfers}. */
    static ConnectorOutcome posted(Exchange.Answer answer) {
        JsonNode body = TransferJson.parse(answer.body());
        if (answer.status() != 200) {
            return error(answer.status(), body, false);
        }
        String state = TransferJson.text(body, "currentState").orElse("");
        Optional<ConnectorTransfer> transfer = TransferJson.transfer(body, Optional.empty());
        if (transfer.isEmpty()) {
            return new ConnectorOutcome.Failed(ErrorCode.INTERNAL, "the Mojaloop Connector answered 200 without a transferId", Optional.empty());
        }
        return switch (state) {
            case "WAITING_FOR_QUOTE_ACCEPTANCE" -> new ConnectorOutcome.Quoted(transfer.get());
            case "COMPLETED" -> new ConnectorOutcome.Completed(transfer.get());
            case "ABORTED" -> new ConnectorOutcome.Aborted(transfer.get().transferId(), reason(body, "the connector aborted the transfer"));
            case "WAITING_FOR_PARTY_ACCEPTANCE" -> misconfigured("stopped at party acceptance: set AUTO_ACCEPT_PARTY=true on the connector");
            case "WAITING_FOR_CONVERSION_ACCEPTANCE" -> misconfigured("asks for a currency conversion, which CoreGate does not offer");
            case "ERROR_OCCURRED" -> error(500, body, false);
            default -> misconfigured("answered the unexpected state '" + shorten(state) + "'");
        };
    }

    /** The answer to {@code PUT /transfers/{id}} with {@code acceptQuote: true}. */
    static ConnectorOutcome accepted(String transferId, Exchange.Answer answer) {
        JsonNode body = TransferJson.parse(answer.body());
        if (answer.status() != 200) {
            return error(answer.status(), body, true);
        }
        return settled(transferId, body, TransferJson.text(body, "currentState").orElse(""));
    }

    /** The answer to {@code GET /transfers/{id}}. */
    static ConnectorOutcome status(String transferId, Exchange.Answer answer) {
        JsonNode body = TransferJson.parse(answer.body());
        if (answer.status() != 200) {
            return error(answer.status(), body, true);
        }
        return settled(transferId, body, TransferJson.text(body, "currentState").orElse(""));
    }

    /** True when a status read that answered this may be repeated (no clear answer yet). */
    static boolean worthRetrying(Exchange.Answer answer) {
        return answer.status() >= 500 && fspiopCode(TransferJson.parse(answer.body())).isEmpty();
    }

    private static ConnectorOutcome settled(String transferId, JsonNode body, String state) {
        Optional<String> hub = TransferJson.hubState(body);
        ConnectorTransfer transfer = TransferJson.transfer(body, Optional.of(transferId)).orElseThrow();
        if (hub.isPresent()) {
            return switch (hub.get()) {
                case "COMMITTED" -> new ConnectorOutcome.Completed(transfer);
                case "ABORTED" -> new ConnectorOutcome.Aborted(transferId, "the hub aborted the transfer");
                default -> new ConnectorOutcome.Unknown("the hub reports the transfer " + shorten(hub.get()));
            };
        }
        return switch (state) {
            case "COMPLETED" -> new ConnectorOutcome.Completed(transfer);
            case "ABORTED" -> new ConnectorOutcome.Aborted(transferId, reason(body, "the connector aborted the transfer"));
            case "ERROR_OCCURRED" -> error(500, body, true);
            default -> new ConnectorOutcome.Unknown("the connector reports the transfer as '" + shorten(state) + "'");
        };
    }

    /**
     * An error answer. A 504 (or an error whose {@code lastError.httpStatusCode} is 504) is unknown; an FSPIOP code is a
     * clear failure; any other 5xx is unknown when the transfer may already be at the hub ({@code afterPrepare}), a
     * failure otherwise; a 4xx is the connector refusing the request: a failure.
     */
    private static ConnectorOutcome error(int status, JsonNode body, boolean afterPrepare) {
        String message = TransferJson.text(body, "message").orElse("HTTP " + status);
        int effective = body.path("transferState").path("lastError").path("httpStatusCode").asInt(status);
        Optional<String> code = fspiopCode(body);
        if (code.isPresent()) {
            String description = TransferJson.text(mojaloopError(body), "errorDescription").orElse(message);
            return new ConnectorOutcome.Failed(ConnectorErrors.of(code.get()), "Mojaloop Connector: " + code.get() + " " + shorten(description),
                code);
        }
        if (status == 504 || effective == 504) {
            return new ConnectorOutcome.Unknown("the Mojaloop Connector timed out (504): " + shorten(message));
        }
        if (status >= 500 && afterPrepare) {
            return new ConnectorOutcome.Unknown("the Mojaloop Connector answered " + status + ": " + shorten(message));
        }
        ErrorCode mapped = status >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : status == 404 ? ErrorCode.TRANSFER_NOT_FOUND : ErrorCode.VALIDATION;
        return new ConnectorOutcome.Failed(mapped, "Mojaloop Connector answered " + status + ": " + shorten(message), Optional.empty());
    }

    private static JsonNode mojaloopError(JsonNode body) {
        return TransferJson.embedded(body.path("transferState").path("lastError").path("mojaloopError")).path("errorInformation");
    }

    private static Optional<String> fspiopCode(JsonNode body) {
        return TransferJson.text(mojaloopError(body), "errorCode")
            .or(() -> TransferJson.text(body, "statusCode"))
            .filter(ConnectorErrors::isFspiopCode);
    }

    private static String reason(JsonNode body, String fallback) {
        return TransferJson.text(body, "abortedReason").map(Replies::shorten).orElse(fallback);
    }

    private static ConnectorOutcome misconfigured(String what) {
        return new ConnectorOutcome.Failed(ErrorCode.INTERNAL, "the Mojaloop Connector " + what, Optional.empty());
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
