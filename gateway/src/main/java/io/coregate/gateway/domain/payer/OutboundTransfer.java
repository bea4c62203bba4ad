package io.coregate.gateway.domain.payer;

import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;

import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway asks the Mojaloop Connector to do: the outbound API's {@code transferRequest}.
 *
 * @param homeTransactionId the tenant's own reference, echoed by the connector
 * @param from              the paying customer of the tenant
 * @param to                the payee, looked up by the hub
 * @param amountType        SEND (send-money: the payer sends {@code amount}) or RECEIVE (merchant-payment: the payee
 *                          receives {@code amount})
 * @param amount            the amount and currency, written in the Mojaloop amount format
 * @param transactionType   the outbound API's transaction type ({@code TRANSFER})
 * @param note              an optional memo (1 to 128 characters)
 */
public record OutboundTransfer(String homeTransactionId, Party from, Party to, AmountType amountType, Money amount,
                               String transactionType, Optional<String> note) {

    /** The only transaction type the outbound API 2.1 accepts. */
    public static final String TRANSFER = "TRANSFER";

    public OutboundTransfer {
        Objects.requireNonNull(homeTransactionId, "homeTransactionId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amountType, "amountType");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(note, "note");
    }

    /**
     * A party as the outbound API's {@code transferParty}.
     *
     * @param id          how Mojaloop names it
     * @param displayName a name to show, if known
     * @param type        CONSUMER, AGENT, BUSINESS or DEVICE, if known
     */
    public record Party(PartyId id, Optional<String> displayName, Optional<String> type) {

        public Party {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(type, "type");
        }

        /** A party known by its id only. */
        public static Party of(PartyId id) {
            return new Party(id, Optional.empty(), Optional.empty());
        }
    }
}
