package io.coregate.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.payee.NotificationBody;
import io.coregate.gateway.domain.payee.NotificationBody.Claim;
import io.coregate.gateway.domain.payee.NotificationBody.Fact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Reads the Connector's completion notification tolerantly: the Connector sends its whole transfer state, whose shape
 * varies between SDK versions, so only {@code currentState} and the copies of the quote that must agree with the
 * stored transfer are read, and a part of another shape is passed over. SDK 18 sends {@code quoteRequest.body} (and
 * friends) as JSON text: those are read as the objects they encode. Stateless.
 */
final class NotificationReader {

    /** Where a notification states a fact, as a JSON pointer, the field named in an error, and the fact. */
    private record Source(String pointer, String field, Fact fact) {
    }

    private static final Source[] SOURCES = {
        new Source("/quoteRequest/body/amount/currency", "quoteRequest.body.amount.currency", Fact.CURRENCY),
        new Source("/quoteRequest/body/payee/partyIdInfo/partyIdType", "quoteRequest.body.payee.partyIdInfo.partyIdType",
            Fact.PAYEE_ID_TYPE),
        new Source("/quote/request/amount/currency", "quoteRequest.body.amount.currency", Fact.CURRENCY),
        new Source("/quote/request/payee/partyIdInfo/partyIdType", "quoteRequest.body.payee.partyIdInfo.partyIdType", Fact.PAYEE_ID_TYPE),
        new Source("/quote/internalRequest/currency", "quote.internalRequest.currency", Fact.CURRENCY),
        new Source("/quote/internalRequest/to/idType", "quote.internalRequest.to.idType", Fact.PAYEE_ID_TYPE),
    };

    private static final String[] STRING_BODIES = {"fulfil", "quoteResponse", "quoteRequest", "prepare"};

    private NotificationReader() {
    }

    /**
     * The notification's facts.
     *
     * @throws GatewayException 3100 when {@code currentState} is not a string
     */
    static NotificationBody read(ObjectNode body) {
        JsonNode state = body.path("currentState");
        if (!state.isMissingNode() && !state.isNull() && !state.isTextual()) {
            throw new GatewayException(ErrorCode.VALIDATION, "currentState must be a string");
        }
        ObjectNode decoded = decodeStringBodies(body);
        var claims = new ArrayList<Claim>();
        for (Source source : SOURCES) {
            JsonNode value = decoded.at(source.pointer());
            if (!value.isMissingNode() && !value.isNull()) {
                claims.add(new Claim(source.field(), source.fact(), value.isTextual() ? value.textValue() : value.toString()));
            }
        }
        return new NotificationBody(state.isTextual() ? Optional.of(state.textValue()) : Optional.empty(), claims);
    }

    /** Replaces the string-encoded parts in place: the tree is this request's own, read for nothing else. */
    private static ObjectNode decodeStringBodies(ObjectNode body) {
        for (String key : STRING_BODIES) {
            if (body.get(key) instanceof ObjectNode part && part.get("body") != null && part.get("body").isTextual()) {
                try {
                    part.set("body", Json.parseTree(part.get("body").textValue().getBytes(StandardCharsets.UTF_8)));
                } catch (GatewayException e) {
                    // Not JSON text: left as it is, and so not read.
                }
            }
        }
        return body;
    }
}
