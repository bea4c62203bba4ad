package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferParty;

import java.util.Optional;

/**
 * The answer to {@code GET /{tenant}/transfers/{transferId}}: one of the tenant's outbound transfers.
 *
 * @param transferId        the connector's transfer id (empty before the connector answered)
 * @param homeTransactionId the channel's reference
 * @param transferState     the transfer's state
 * @param amountType        SEND or RECEIVE
 * @param amount            the transfer amount
 * @param receiveAmount     what the payee receives
 * @param currency          their currency
 * @param payee             the payee
 * @param payer             the payer
 * @param lastError         the last error, if any
 * @param createdAt         when it was started
 * @param updatedAt         when it last changed
 */
public record OutboundDetailsBody(String transferId, String homeTransactionId, String transferState, String amountType, String amount,
                                  String receiveAmount, String currency, TransferParty payee, TransferParty payer,
                                  Optional<String> lastError, String createdAt, String updatedAt) {

    /** The details of a logged outbound transfer. */
    static OutboundDetailsBody of(Outbound outbound) {
        Transfer t = outbound.transfer();
        return new OutboundDetailsBody(outbound.mojaloopTransferId().orElse(""), t.homeTransactionId(), t.state().name(), t.amountType(),
            MojaloopAmount.format(t.amount()), MojaloopAmount.format(t.receiveAmount()), t.currency(), t.payee(), t.payer(), t.lastError(),
            t.createdAt().toString(), t.updatedAt().toString());
    }
}
