package io.coregate.gateway.domain.payer;

import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code POST /{tenant}/send-money} (P2P: the payer sends {@code sendAmount}; the payee gets it less the
 * payee FSP's fees). Read from the channel's JSON at the http edge.
 *
 * @param homeTransactionId the channel's reference; unique per tenant (the idempotency key)
 * @param payee             who is paid
 * @param sendAmount        what the payer sends, in one of the tenant's currencies
 * @param transactionType   the outbound API's transaction type ({@code TRANSFER})
 * @param payer             the tenant's customer
 */
public record SendMoneyRequest(String homeTransactionId, PartyId payee, Money sendAmount, String transactionType, Payer payer) {

    public SendMoneyRequest {
        Objects.requireNonNull(homeTransactionId, "homeTransactionId");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(sendAmount, "sendAmount");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(payer, "payer");
    }

    /** The connector request: {@code amountType=SEND}. */
    public OutboundTransfer outbound() {
        return new OutboundTransfer(homeTransactionId, payer.asParty(), OutboundTransfer.Party.of(payee), AmountType.SEND, sendAmount,
            transactionType, Optional.empty());
    }
}
