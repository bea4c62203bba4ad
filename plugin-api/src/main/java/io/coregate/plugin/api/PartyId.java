package io.coregate.plugin.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How Mojaloop names a party.
 * Immutable and thread-safe.
 *
 * @param idType     the FSPIOP party id type ({@code MSISDN}, {@code ACCOUNT_ID}, ...)
 * @param idValue    the identifier
 * @param idSubValue an optional sub-identifier
 */
public record PartyId(String idType, String idValue, Optional<String> idSubValue) {

    /**
     * The FSPIOP party id types: {@code MSISDN}, {@code EMAIL}, {@code PERSONAL_ID}, {@code BUSINESS},
     * {@code DEVICE}, {@code ACCOUNT_ID}, {@code IBAN}, {@code ALIAS}.
     *
     * @since 2.0.0
     */
    public static final Set<String> ID_TYPES = Set.of("MSISDN", "EMAIL", "PERSONAL_ID", "BUSINESS", "DEVICE", "ACCOUNT_ID", "IBAN",
        "ALIAS");

    public PartyId {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(idValue, "idValue");
        Objects.requireNonNull(idSubValue, "idSubValue");
    }

    public static PartyId of(String idType, String idValue) {
        return new PartyId(idType, idValue, Optional.empty());
    }
}
