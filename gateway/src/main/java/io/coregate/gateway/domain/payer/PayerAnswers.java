package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.StoredAnswers;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DFSP channels' answers of the payer flow, and stored answers: a success body, or an error kept as
 * {@code {"statusCode","message"}} and replayed by throwing the same {@link GatewayException}. Stateless.
 */
final class PayerAnswers {

    private PayerAnswers() {
    }

    /** A stored answer as the transfer log keeps it: a refusal kept as {@code {"statusCode","message"}}, or a success body. */
    static StoredAnswer stored(Map<String, Object> answer) {
        try {
            StoredAnswers.replay(answer);
            return StoredAnswer.of(answer);
        } catch (GatewayException e) {
            return StoredAnswer.refused(e.code(), e.getMessage());
        }
    }

    /** Gives a stored answer again: returns a success body, throws a stored refusal. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> replay(StoredAnswer answer) {
        return answer.replay(Map.class);
    }

    /** The answer to a quoted {@code POST}: the payee, the amounts and the fees (payee FSP's and the tenant's own). */
    static Map<String, Object> quoted(String homeTransactionId, ConnectorTransfer quote, TransferParty payee, Money send,
                                      BigDecimal receive, BigDecimal payeeFee, BigDecimal sendFee) {
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", quote.transferId());
        body.put("homeTransactionId", homeTransactionId);
        body.put("payee", payee);
        body.put("sendAmount", MojaloopAmount.format(send.amount()));
        body.put("sendCurrency", send.currency());
        body.put("receiveAmount", MojaloopAmount.format(receive));
        body.put("receiveCurrency", send.currency());
        var fees = new LinkedHashMap<String, Object>();
        fees.put("payeeFspFee", MojaloopAmount.format(payeeFee));
        fees.put("sendFee", MojaloopAmount.format(sendFee));
        fees.put("currency", send.currency());
        body.put("fees", fees);
        body.put("totalDebit", MojaloopAmount.format(send.amount().add(sendFee)));
        body.put("currentState", "WAITING_FOR_QUOTE_ACCEPTANCE");
        quote.quoteExpiration().ifPresent(at -> body.put("quoteExpiration", at.toString()));
        return body;
    }

    /** The answer to a completed accept. */
    static Map<String, Object> completed(String mojaloopTransferId, Transfer transfer, ConnectorTransfer completed) {
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", mojaloopTransferId);
        body.put("homeTransactionId", transfer.homeTransactionId());
        body.put("transferState", TransferState.COMMITTED.name());
        body.put("currentState", "COMPLETED");
        completed.completedAt().ifPresent(at -> body.put("completedTimestamp", at.toString()));
        return body;
    }

    /** {@code GET /{tenant}/transfers/{transferId}}. */
    static Map<String, Object> details(Outbound outbound) {
        Transfer t = outbound.transfer();
        var body = new LinkedHashMap<String, Object>();
        body.put("transferId", outbound.mojaloopTransferId().orElse(""));
        body.put("homeTransactionId", t.homeTransactionId());
        body.put("transferState", t.state().name());
        body.put("amountType", t.amountType());
        body.put("amount", MojaloopAmount.format(t.amount()));
        body.put("receiveAmount", MojaloopAmount.format(t.receiveAmount()));
        body.put("currency", t.currency());
        body.put("payee", t.payee());
        body.put("payer", t.payer());
        t.lastError().ifPresent(e -> body.put("lastError", e));
        body.put("createdAt", t.createdAt().toString());
        body.put("updatedAt", t.updatedAt().toString());
        return body;
    }
}
