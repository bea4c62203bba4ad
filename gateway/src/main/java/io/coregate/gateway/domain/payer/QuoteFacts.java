package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.TransferParty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the connector's quote fixed for an outbound transfer, stored when {@code POST /transfers} answered
 * {@code WAITING_FOR_QUOTE_ACCEPTANCE}.
 *
 * @param mojaloopTransferId the connector's transfer id
 * @param amount             the transfer amount the hub moves (what the ledger holds)
 * @param receiveAmount      what the payee receives
 * @param payeeFee           the payee FSP's fee
 * @param payee              the payee as resolved ({@code idType}, {@code idValue}, {@code name}, {@code fspId})
 * @param expiresAt          when the quote expires
 * @param answer             the answer to the channel's {@code POST}: the {@link QuotedBody}, or the refusal
 */
public record QuoteFacts(String mojaloopTransferId, BigDecimal amount, BigDecimal receiveAmount, BigDecimal payeeFee,
                         TransferParty payee, Instant expiresAt, StoredAnswer answer) {

    public QuoteFacts {
        Objects.requireNonNull(mojaloopTransferId, "mojaloopTransferId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receiveAmount, "receiveAmount");
        Objects.requireNonNull(payeeFee, "payeeFee");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(answer, "answer");
    }
}
