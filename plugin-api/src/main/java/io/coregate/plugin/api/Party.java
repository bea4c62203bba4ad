package io.coregate.plugin.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer found in the CBS, with the account that a transfer to or from it would use.
 * Immutable and thread-safe.
 *
 * @param id            how Mojaloop named the party
 * @param accountNo     the CBS account behind the identifier
 * @param firstName     given name (may be empty for businesses)
 * @param middleName    middle name, if known
 * @param lastName      family name (may be empty for businesses)
 * @param displayName   the name shown to the payer
 * @param dateOfBirth   for KYC, if known
 * @param currencies    currencies the account can receive
 * @param status        whether the account can transact
 * @param merchantClassificationCode for business parties, if known
 */
public record Party(
        PartyId id,
        String accountNo,
        String firstName,
        Optional<String> middleName,
        String lastName,
        String displayName,
        Optional<LocalDate> dateOfBirth,
        Set<String> currencies,
        AccountStatus status,
        Optional<String> merchantClassificationCode) {

    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(middleName, "middleName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        currencies = Set.copyOf(currencies);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(merchantClassificationCode, "merchantClassificationCode");
    }
}
