package io.coregate.gateway.sdk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.gateway.json.Mappers;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.coregate.gateway.domain.payer.ConnectorTransfer;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.plugin.api.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON the connector client writes ({@code transferRequest}, the accept: records) and reads ({@code transferResponse},
 * {@code transferStatusResponse}). Reading is tolerant: unknown fields are ignored, missing ones become empty, and
 * {@code quoteResponse.body} / {@code fulfil.body} are accepted as JSON strings too (as older connectors send them).
 * Thread-safe.
 */
final class TransferJson {

    static final ObjectMapper MAPPER = Mappers.json();

    /** The outbound API's {@code Name} pattern ({@code \w} is ASCII there, as in Java). */
    private static final Pattern DISPLAY_NAME = Pattern.compile("^(?!\\s*$)[\\w .,'-]{1,128}$");

    private TransferJson() {
    }

    /**
     * The outbound API's {@code transferRequest}, as the client sends it.
     *
     * @param homeTransactionId the channel's reference
     * @param from              the payer
     * @param to                the payee
     * @param amountType        SEND or RECEIVE
     * @param currency          the currency
     * @param amount            the amount, a Mojaloop amount string
     * @param transactionType   the transaction type
     * @param note              a note, if any
     */
    record TransferRequest(String homeTransactionId, Party from, Party to, String amountType, String currency, String amount,
                           String transactionType, Optional<String> note) {
    }

    /**
     * A {@code transferRequest} party.
     *
     * @param type        CONSUMER, ..., if known
     * @param idType      its id type
     * @param idValue     its id
     * @param idSubValue  its sub-id, if any
     * @param displayName its name, only when it fits the spec's {@code Name} pattern
     */
    record Party(Optional<String> type, String idType, String idValue, Optional<String> idSubValue, Optional<String> displayName) {
    }

    /**
     * The accept's body.
     *
     * @param acceptQuote true to pay, false to reject
     */
    record Accept(boolean acceptQuote) {
    }

    /** The {@code POST /transfers} body. */
    static byte[] transferRequest(OutboundTransfer transfer) {
        return write(new TransferRequest(transfer.homeTransactionId(), party(transfer.from()), party(transfer.to()),
            transfer.amountType().name(), transfer.amount().currency(), transfer.amount().plain(), transfer.transactionType(),
            transfer.note()));
    }

    /** The {@code PUT /transfers/{id}} body. */
    static byte[] acceptQuote(boolean accept) {
        return write(new Accept(accept));
    }

    private static Party party(OutboundTransfer.Party party) {
        // A name outside the spec's Name pattern would get the whole request refused: it is left out instead.
        return new Party(party.type(), party.id().idType(), party.id().idValue(), party.id().idSubValue(),
            party.displayName().filter(name -> DISPLAY_NAME.matcher(name).matches()));
    }

    /** Parses an answer body; a missing node when it is not JSON. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The transfer described by a {@code transferResponse} or {@code transferStatusResponse}; empty without a transfer id. */
    static Optional<ConnectorTransfer> transfer(JsonNode node, Optional<String> knownId) {
        Optional<String> id = text(node, "transferId").or(() -> knownId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        JsonNode quote = embedded(node.path("quoteResponse").path("body"));
        JsonNode fulfil = embedded(node.path("fulfil").path("body"));
        return Optional.of(new ConnectorTransfer(id.get(), text(node, "homeTransactionId"), text(node, "currentState").orElse(""),
            payee(node), money(quote.path("transferAmount")), money(quote.path("payeeReceiveAmount")), money(quote.path("payeeFspFee")),
            money(quote.path("payeeFspCommission")), instant(quote.path("expiration")), text(fulfil, "transferState"),
            instant(fulfil.path("completedTimestamp"))));
    }

    /** The hub's transfer state in the fulfil, if any. */
    static Optional<String> hubState(JsonNode node) {
        return text(embedded(node.path("fulfil").path("body")), "transferState");
    }

    private static Optional<ConnectorTransfer.Payee> payee(JsonNode node) {
        JsonNode to = node.path("to");
        JsonNode party = embedded(node.path("getPartiesResponse").path("body")).path("party");
        Optional<String> idType = text(to, "idType").or(() -> text(party.path("partyIdInfo"), "partyIdType"));
        Optional<String> idValue = text(to, "idValue").or(() -> text(party.path("partyIdInfo"), "partyIdentifier"));
        if (idType.isEmpty() || idValue.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = text(to, "displayName").or(() -> joined(to)).or(() -> text(party, "name"))
            .or(() -> joined(party.path("personalInfo").path("complexName")));
        Optional<String> fspId = text(to, "fspId").or(() -> text(party.path("partyIdInfo"), "fspId"));
        return Optional.of(new ConnectorTransfer.Payee(idType.get(), idValue.get(), name, fspId));
    }

    private static Optional<String> joined(JsonNode names) {
        String joined = String.join(" ", text(names, "firstName").orElse(""), text(names, "middleName").orElse(""),
            text(names, "lastName").orElse("")).trim().replaceAll("\\s+", " ");
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /** An object that may arrive as a JSON string holding the object. */
    static JsonNode embedded(JsonNode node) {
        if (node.isTextual()) {
            try {
                return MAPPER.readTree(node.asText());
            } catch (JacksonException e) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Money> money(JsonNode node) {
        Optional<String> amount = text(node, "amount");
        Optional<String> currency = text(node, "currency");
        if (amount.isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(amount.get()), currency.get()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("request body cannot be written", e);
        }
    }
}
