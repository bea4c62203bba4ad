package io.coregate.gateway.domain.payer;

import io.coregate.plugin.api.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * What the Mojaloop Connector said about a transfer (its {@code transferResponse} or {@code transferStatusResponse}),
 * reduced to what the payer flow uses; every other field the connector sends is ignored.
 *
 * @param transferId         the Mojaloop transfer id the connector chose
 * @param homeTransactionId  the tenant's reference, when echoed
 * @param currentState       the connector's state ({@code WAITING_FOR_QUOTE_ACCEPTANCE}, {@code COMPLETED}, ...)
 * @param payee              the resolved payee, when the answer carries it
 * @param transferAmount     what the payer's FSP sends through the hub (the quote's {@code transferAmount})
 * @param payeeReceiveAmount what the payee receives, when quoted
 * @param payeeFspFee        the payee FSP's fee, when quoted
 * @param payeeFspCommission the payee FSP's commission, when quoted
 * @param quoteExpiration    when the quote expires
 * @param hubTransferState   the hub's transfer state from the fulfil ({@code COMMITTED}, {@code ABORTED}, ...)
 * @param completedAt        the fulfil's completion time
 */
public record ConnectorTransfer(String transferId, Optional<String> homeTransactionId, String currentState, Optional<Payee> payee,
                                Optional<Money> transferAmount, Optional<Money> payeeReceiveAmount, Optional<Money> payeeFspFee,
                                Optional<Money> payeeFspCommission, Optional<Instant> quoteExpiration,
                                Optional<String> hubTransferState, Optional<Instant> completedAt) {

    /**
     * The payee as the connector resolved it.
     *
     * @param idType  FSPIOP party id type
     * @param idValue its identifier
     * @param name    display name, or first and last name joined, if any
     * @param fspId   the payee's DFSP
     */
    public record Payee(String idType, String idValue, Optional<String> name, Optional<String> fspId) {
    }
}
