package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.gateway.domain.validation.Validated;

import java.math.BigDecimal;

/**
 * The backend API's {@code quoteRequest} ({@code POST /quoterequests}): the fields the gateway reads; others are
 * accepted and covered by the request hash.
 *
 * @param quoteId         the quote id
 * @param transactionId   the transaction id
 * @param to              the payee
 * @param from            the payer
 * @param amountType      SEND or RECEIVE
 * @param amount          the amount, a Mojaloop amount string
 * @param currency        its currency
 * @param transactionType TRANSFER, DEPOSIT or PAYMENT
 * @param initiator       PAYER or PAYEE
 * @param initiatorType   CONSUMER, AGENT, BUSINESS or DEVICE
 */
public record QuoteRequestBody(String quoteId, String transactionId, TransferParty to, TransferParty from, String amountType,
                               String amount, String currency, String transactionType, String initiator, String initiatorType)
    implements Validated {

    @Override
    public void check(Check check) {
        check.correlationId("quoteId", quoteId);
        check.correlationId("transactionId", transactionId);
        check.nested("to", to);
        check.nested("from", from);
        check.oneOf("amountType", amountType, Rules.AMOUNT_TYPES);
        check.amount("amount", amount, true);
        check.currency("currency", currency);
        check.oneOf("transactionType", transactionType, Rules.TRANSACTION_TYPES);
        check.oneOf("initiator", initiator, Rules.INITIATORS);
        check.oneOf("initiatorType", initiatorType, Rules.INITIATOR_TYPES);
    }

    /** The checked amount. */
    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
