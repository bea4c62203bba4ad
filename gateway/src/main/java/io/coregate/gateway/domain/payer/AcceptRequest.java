package io.coregate.gateway.domain.payer;

import java.util.Objects;

/**
 * A validated {@code PUT /{tenant}/send-money/{transferId}} or {@code .../merchant-payment/{transferId}}. Read from
 * the channel's JSON at the http edge.
 *
 * @param transferId        the transfer whose quote is answered
 * @param acceptQuote       true to pay, false to reject the quote
 * @param homeTransactionId must be the one the transfer was started with
 */
public record AcceptRequest(String transferId, boolean acceptQuote, String homeTransactionId) {

    public AcceptRequest {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(homeTransactionId, "homeTransactionId");
    }
}
