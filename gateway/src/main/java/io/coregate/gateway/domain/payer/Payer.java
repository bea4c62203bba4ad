package io.coregate.gateway.domain.payer;

import io.coregate.plugin.api.PartyId;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's customer who pays, as the DFSP channel names them.
 *
 * @param name the customer's name, shown to the payee
 * @param id   how Mojaloop names them ({@code payerIdType}, MSISDN by default, and {@code payerId})
 */
public record Payer(String name, PartyId id) {

    public Payer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
    }

    /** As the outbound API's {@code from} party. */
    public OutboundTransfer.Party asParty() {
        return new OutboundTransfer.Party(id, Optional.of(name), Optional.of("CONSUMER"));
    }
}
