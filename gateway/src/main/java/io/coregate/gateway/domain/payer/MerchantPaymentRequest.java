package io.coregate.gateway.domain.payer;

import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code POST /{tenant}/merchant-payment} (P2B: the merchant receives exactly {@code receiveAmount}; the
 * quote says what the payer sends). Read from the channel's JSON at the http edge.
 *
 * @param homeTransactionId the channel's reference; unique per tenant (the idempotency key)
 * @param payee             the merchant
 * @param receiveAmount     what the merchant receives, in one of the tenant's currencies
 * @param payer             the tenant's customer
 */
public record MerchantPaymentRequest(String homeTransactionId, PartyId payee, Money receiveAmount, Payer payer) {

    public MerchantPaymentRequest {
        Objects.requireNonNull(homeTransactionId, "homeTransactionId");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(receiveAmount, "receiveAmount");
        Objects.requireNonNull(payer, "payer");
    }

    /** The connector request: {@code amountType=RECEIVE}. */
    public OutboundTransfer outbound() {
        return new OutboundTransfer(homeTransactionId, payer.asParty(), OutboundTransfer.Party.of(payee), AmountType.RECEIVE, receiveAmount,
            OutboundTransfer.TRANSFER, Optional.empty());
    }
}
