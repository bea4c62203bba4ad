package io.coregate.plugin.api;

import java.util.Objects;
import java.util.Optional;

/**
 * How Mojaloop names a party.
 * Immutable and thread-safe.
 *
 * @param idType     the FSPIOP party id type ({@code MSISDN}, {@code ACCOUNT_ID}, ...)
 * @param idValue    the identifier
 * @param idSubValue an optional sub-identifier
 */
public record PartyId(String idType, String idValue, Optional<String> idSubValue) {

    public PartyId {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(idValue, "idValue");
        Objects.requireNonNull(idSubValue, "idSubValue");
    }

    public static PartyId of(String idType, String idValue) {
        return new PartyId(idType, idValue, Optional.empty());
    }
}
