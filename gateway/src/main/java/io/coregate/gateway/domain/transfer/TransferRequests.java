package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.Currencies;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code POST /transfers} bodies, checks them against their quote, and renders transfer details. Stateless. */
final class TransferRequests {

    private TransferRequests() {
    }

    /**
     * A validated transfer request.
     *
     * @param transferId      the transfer id
     * @param quoteId         the quote it claims
     * @param quoteAmount     the quote's transfer amount as the request repeats it
     * @param amount          the transfer amount
     * @param currency        the currency
     * @param payeeIdType     the payee's id type
     * @param payeeIdValue    the payee's id
     * @param transactionType TRANSFER, DEPOSIT or PAYMENT
     * @param payer           the payer as sent, with its FSP
     */
    record Prepared(String transferId, String quoteId, BigDecimal quoteAmount, BigDecimal amount, String currency, String payeeIdType,
                    String payeeIdValue, String transactionType, Map<String, Object> payer) {
    }

    static Prepared prepared(Map<String, Object> body) {
        String transferId = Fields.correlationId(body, "", "transferId");
        Map<String, Object> quote = Fields.object(body, "", "quote");
        String quoteId = Fields.correlationId(quote, "quote.", "quoteId");
        Fields.correlationId(quote, "quote.", "transactionId");
        BigDecimal quoteAmount = MojaloopAmount.parse("quote.transferAmount", required(quote, "quote.", "transferAmount"));
        Map<String, Object> from = Fields.object(body, "", "from");
        Fields.oneOf(from, "from.", "idType", Parties.ID_TYPES);
        Fields.text(from, "from.", "idValue", 128);
        Map<String, Object> to = Fields.object(body, "", "to");
        String idType = Fields.oneOf(to, "to.", "idType", Parties.ID_TYPES);
        String idValue = Fields.text(to, "to.", "idValue", 128);
        Fields.oneOf(body, "", "amountType", Set.of("SEND", "RECEIVE"));
        String currency = Currencies.parse("currency", required(body, "", "currency"));
        BigDecimal amount = MojaloopAmount.parse("amount", required(body, "", "amount"));
        String transactionType = Fields.oneOf(body, "", "transactionType", Set.of("TRANSFER", "DEPOSIT", "PAYMENT"));
        Fields.object(Fields.object(body, "", "ilpPacket"), "ilpPacket.", "data");
        var payer = new LinkedHashMap<>(from);
        payer.put("fspId", payerFsp(body, from));
        return new Prepared(transferId, quoteId, quoteAmount, amount, currency, idType, idValue, transactionType, payer);
    }

    private static Object required(Map<String, Object> body, String path, String name) {
        if (!body.containsKey(name) || body.get(name) == null) {
            throw new GatewayException(ErrorCode.MISSING_ELEMENT, path + name + " is missing");
        }
        return body.get(name);
    }

    private static String payerFsp(Map<String, Object> body, Map<String, Object> from) {
        if (from.get("fspId") instanceof String fsp && !fsp.isBlank()) {
            return fsp;
        }
        return Fields.optionalObject(Fields.object(body, "", "ilpPacket"), "data")
            .flatMap(data -> Fields.optionalObject(data, "payer"))
            .flatMap(payer -> Fields.optionalObject(payer, "partyIdInfo"))
            .map(info -> info.get("fspId"))
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .orElse("unknown");
    }

    /** The stored quote the request names, checked against it. */
    static StoredQuote matchingQuote(Tenant tenant, Prepared request, TransferLog log, Instant now) {
        StoredQuote quote = log.findQuote(tenant.id(), request.quoteId()).orElseThrow(() -> new GatewayException(ErrorCode.VALIDATION,
            "quote.quoteId " + request.quoteId() + " was not quoted by tenant '" + tenant.id() + "'"));
        if (!tenant.document().currencies().contains(request.currency())) {
            throw new GatewayException(ErrorCode.PAYEE_UNSUPPORTED_CURRENCY, "currency " + request.currency() + " is not supported by tenant '"
                + tenant.id() + "'");
        }
        mismatch("currency", request.currency(), quote.currency());
        mismatch("amount", MojaloopAmount.format(request.amount()), MojaloopAmount.format(quote.transferAmount()));
        mismatch("quote.transferAmount", MojaloopAmount.format(request.quoteAmount()), MojaloopAmount.format(quote.transferAmount()));
        mismatch("to.idType", request.payeeIdType(), String.valueOf(quote.payee().get("idType")));
        mismatch("to.idValue", request.payeeIdValue(), String.valueOf(quote.payee().get("idValue")));
        if (now.isAfter(quote.expiresAt())) {
            throw new GatewayException(ErrorCode.QUOTE_EXPIRED, "quote " + quote.quoteId() + " expired at " + MojaloopTime.format(quote.expiresAt()));
        }
        return quote;
    }

    private static void mismatch(String field, String sent, String quoted) {
        if (!sent.equals(quoted)) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + sent + "' differs from the quote's '" + quoted + "'");
        }
    }

    /** The spec's {@code transferDetailsResponse}. */
    static Map<String, Object> details(Tenant tenant, Transfer transfer) {
        var body = new LinkedHashMap<String, Object>();
        body.put("homeTransactionId", transfer.homeTransactionId());
        body.put("from", Parties.view(transfer.payer(), String.valueOf(transfer.payer().getOrDefault("fspId", "unknown"))));
        body.put("to", Parties.view(transfer.payee(), tenant.document().dfspId()));
        body.put("amountType", transfer.amountType());
        body.put("currency", transfer.currency());
        body.put("amount", MojaloopAmount.format(transfer.amount()));
        body.put("transferState", transfer.state().publicName());
        body.put("transactionType", transfer.transactionType());
        body.put("timestamp", MojaloopTime.format(transfer.updatedAt()));
        return body;
    }
}
