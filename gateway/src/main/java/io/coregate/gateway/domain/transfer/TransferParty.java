package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A party of a transfer: the backend spec's {@code transferParty} as sent, stored and shown, plus what the gateway
 * keeps beside it ({@code accountNo}, the CBS account of a looked-up payee, never shown on the Mojaloop APIs; {@code
 * name}, a payer-side payee's name as the Connector gave it).
 *
 * @param idType                     the FSPIOP party id type
 * @param idValue                    the id
 * @param idSubValue                 the sub-id
 * @param type                       CONSUMER, AGENT, BUSINESS or DEVICE
 * @param displayName                the name to show
 * @param firstName                  first name
 * @param middleName                 middle name
 * @param lastName                   last name
 * @param dateOfBirth                {@code YYYY-MM-DD}
 * @param merchantClassificationCode a merchant's category code
 * @param fspId                      the owning FSP
 * @param supportedCurrencies        what the party can receive (lookups only)
 * @param accountNo                  the CBS account (stored, never shown)
 * @param name                       a name as the Connector gave it (payer side)
 */
public record TransferParty(String idType, String idValue, Optional<String> idSubValue, Optional<String> type,
                            Optional<String> displayName, Optional<String> firstName, Optional<String> middleName,
                            Optional<String> lastName, Optional<String> dateOfBirth, Optional<String> merchantClassificationCode,
                            Optional<String> fspId, Optional<List<String>> supportedCurrencies, Optional<String> accountNo,
                            Optional<String> name) implements Validated {

    private static final int MAX_ID = 128;
    private static final int MAX_TEXT = 256;

    public TransferParty {
        idSubValue = orEmpty(idSubValue);
        type = orEmpty(type);
        displayName = orEmpty(displayName);
        firstName = orEmpty(firstName);
        middleName = orEmpty(middleName);
        lastName = orEmpty(lastName);
        dateOfBirth = orEmpty(dateOfBirth);
        merchantClassificationCode = orEmpty(merchantClassificationCode);
        fspId = orEmpty(fspId);
        supportedCurrencies = supportedCurrencies == null ? Optional.empty() : supportedCurrencies.map(List::copyOf);
        accountNo = orEmpty(accountNo);
        name = orEmpty(name);
    }

    /** A party known only by its id. */
    public static TransferParty of(String idType, String idValue) {
        return new TransferParty(idType, idValue, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    }

    /** A looked-up payee as stored: id, names and its CBS account. */
    public static TransferParty stored(Party party) {
        return new TransferParty(party.id().idType(), party.id().idValue(), party.id().idSubValue(), Optional.empty(),
            Optional.of(party.displayName()), nonEmpty(party.firstName()), party.middleName(), nonEmpty(party.lastName()), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(party.accountNo()), Optional.empty());
    }

    /** A looked-up party as the backend API's {@code GET /parties} answers it, owned by {@code fspId}. */
    public static TransferParty lookedUp(Party party, String fspId, List<String> currencies) {
        String type = party.merchantClassificationCode().isPresent() || "BUSINESS".equals(party.id().idType()) ? "BUSINESS" : "CONSUMER";
        return new TransferParty(party.id().idType(), party.id().idValue(), party.id().idSubValue(), Optional.of(type),
            Optional.of(party.displayName()), nonEmpty(party.firstName()), party.middleName(), nonEmpty(party.lastName()),
            party.dateOfBirth().map(Object::toString), party.merchantClassificationCode(), Optional.of(fspId), Optional.of(currencies),
            Optional.empty(), Optional.empty());
    }

    @Override
    public void check(Check check) {
        check.idType("idType", idType);
        check.text("idValue", idValue, MAX_ID);
        idSubValue.ifPresent(v -> check.text("idSubValue", v, MAX_ID));
        type.ifPresent(v -> check.text("type", v, MAX_ID));
        displayName.ifPresent(v -> check.text("displayName", v, MAX_TEXT));
        firstName.ifPresent(v -> check.text("firstName", v, MAX_TEXT));
        middleName.ifPresent(v -> check.text("middleName", v, MAX_TEXT));
        lastName.ifPresent(v -> check.text("lastName", v, MAX_TEXT));
        dateOfBirth.ifPresent(v -> check.text("dateOfBirth", v, MAX_ID));
        merchantClassificationCode.ifPresent(v -> check.text("merchantClassificationCode", v, MAX_ID));
        fspId.ifPresent(v -> check.text("fspId", v, MAX_ID));
        name.ifPresent(v -> check.text("name", v, MAX_TEXT));
    }

    /** The id the CBS knows the party by. */
    public PartyId id() {
        return new PartyId(idType, idValue, idSubValue);
    }

    /** The stored payee back as a party the adapter can credit. */
    public Party party(String currency) {
        return new Party(id(), accountNo.orElse(""), firstName.orElse(""), middleName, lastName.orElse(""), displayName.orElse(""),
            Optional.empty(), Set.of(currency), AccountStatus.ACTIVE, Optional.empty());
    }

    /** This party as the backend API shows it in transfer details: without the account, owned by {@code owner}. */
    public TransferParty view(String owner) {
        return new TransferParty(idType, idValue, idSubValue, type, displayName, firstName, middleName, lastName, Optional.empty(),
            Optional.empty(), Optional.of(owner), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same party named as the Connector gave it, and owned by {@code owner}. */
    public TransferParty named(Optional<String> name, Optional<String> owner) {
        return new TransferParty(idType, idValue, idSubValue, type, displayName, firstName, middleName, lastName, dateOfBirth,
            merchantClassificationCode, owner, supportedCurrencies, accountNo, name);
    }

    /** The same party with its owning FSP set. */
    public TransferParty ownedBy(String owner) {
        return new TransferParty(idType, idValue, idSubValue, type, displayName, firstName, middleName, lastName, dateOfBirth,
            merchantClassificationCode, Optional.of(owner), supportedCurrencies, accountNo, name);
    }

    private static Optional<String> orEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isEmpty());
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
