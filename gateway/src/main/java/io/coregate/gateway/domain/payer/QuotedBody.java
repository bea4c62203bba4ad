package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.plugin.api.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The answer to a quoted {@code POST /{tenant}/send-money} or {@code .../merchant-payment}: the payee, the amounts and
 * the fees (the payee FSP's and the tenant's own). Amounts are Mojaloop amount strings.
 *
 * @param transferId        the connector's transfer id (what the channel accepts)
 * @param homeTransactionId the channel's reference
 * @param payee             the payee as resolved
 * @param sendAmount        what the payer sends
 * @param sendCurrency      its currency
 * @param receiveAmount     what the payee receives
 * @param receiveCurrency   its currency
 * @param fees              the fees
 * @param totalDebit        what the customer is debited: the send amount and the tenant's send fee
 * @param currentState      {@code WAITING_FOR_QUOTE_ACCEPTANCE}
 * @param quoteExpiration   when the quote expires, when the connector said
 */
public record QuotedBody(String transferId, String homeTransactionId, TransferParty payee, String sendAmount, String sendCurrency,
                         String receiveAmount, String receiveCurrency, Fees fees, String totalDebit, String currentState,
                         Optional<String> quoteExpiration) implements PayerAnswer {

    /**
     * The fees of a quote.
     *
     * @param payeeFspFee the payee FSP's fee
     * @param sendFee     the tenant's own send fee
     * @param currency    their currency
     */
    public record Fees(String payeeFspFee, String sendFee, String currency) {
    }

    /** The answer for a connector quote. */
    static QuotedBody of(String homeTransactionId, ConnectorTransfer quote, TransferParty payee, Money send, BigDecimal receive,
                         BigDecimal payeeFee, BigDecimal sendFee) {
        String currency = send.currency();
        return new QuotedBody(quote.transferId(), homeTransactionId, payee, MojaloopAmount.format(send.amount()), currency,
            MojaloopAmount.format(receive), currency,
            new Fees(MojaloopAmount.format(payeeFee), MojaloopAmount.format(sendFee), currency),
            MojaloopAmount.format(send.amount().add(sendFee)), "WAITING_FOR_QUOTE_ACCEPTANCE",
            quote.quoteExpiration().map(Object::toString));
    }

    /** What the customer is debited, as an amount. */
    BigDecimal totalDebitAmount() {
        return MojaloopAmount.parse("totalDebit", totalDebit);
    }
}
