package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Settings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * One customer account as listed in {@code cbs.settings.accounts}. Immutable; the balance lives in the {@link Ledger}.
 *
 * @param partyId        the Mojaloop identifier that finds it, if any ({@code ACCOUNT_ID} + account number always does)
 * @param accountNo      the account number
 * @param firstName      given name, may be empty
 * @param middleName     middle name
 * @param lastName       family name, may be empty
 * @param displayName    the name shown to payers
 * @param dateOfBirth    date of birth
 * @param currency       the one currency the account holds
 * @param openingBalance the balance the account opens with
 * @param status         whether it can transact
 * @param merchantClassificationCode for merchants
 */
record AccountSpec(
        Optional<PartyId> partyId,
        String accountNo,
        String firstName,
        Optional<String> middleName,
        String lastName,
        String displayName,
        Optional<LocalDate> dateOfBirth,
        String currency,
        BigDecimal openingBalance,
        AccountStatus status,
        Optional<String> merchantClassificationCode) {

    /** Reads {@code cbs.settings.accounts[index]}; a {@link CbsException} (REJECTED) naming the key when invalid. */
    static AccountSpec parse(Settings s, int index) {
        String key = "cbs.settings.accounts[" + index + "].";
        String accountNo = s.string("accountNo").orElseThrow(() -> invalid(key + "accountNo is required"));
        Optional<PartyId> partyId = s.string("idType")
                .flatMap(type -> s.string("idValue").map(value -> new PartyId(type, value, s.string("idSubValue"))));
        if (partyId.isEmpty() && (s.string("idType").isPresent() || s.string("idValue").isPresent())) {
            throw invalid(key + "idType and idValue go together");
        }
        String first = s.string("firstName").orElse("");
        String last = s.string("lastName").orElse("");
        String display = s.string("displayName").orElse((first + " " + last).strip());
        return new AccountSpec(partyId, accountNo, first, s.string("middleName"), last,
                display.isBlank() ? accountNo : display,
                s.string("dateOfBirth").map(date -> date(date, key + "dateOfBirth")),
                s.string("currency").orElseThrow(() -> invalid(key + "currency is required")),
                openingBalance(s.string("balance").orElse("0"), key + "balance"),
                status(s.string("status").orElse("ACTIVE"), key + "status"),
                s.string("merchantClassificationCode"));
    }

    /** Whether a Mojaloop identifier names this account. */
    boolean isNamedBy(PartyId id) {
        boolean byAccount = "ACCOUNT_ID".equals(id.idType()) && accountNo.equals(id.idValue()) && id.idSubValue().isEmpty();
        return byAccount || partyId.filter(own -> own.idType().equals(id.idType()) && own.idValue().equals(id.idValue())
                && own.idSubValue().equals(id.idSubValue())).isPresent();
    }

    /** The account as the party behind {@code id}. */
    Party toParty(PartyId id) {
        return new Party(id, accountNo, firstName, middleName, lastName, displayName, dateOfBirth, Set.of(currency), status,
                merchantClassificationCode);
    }

    /** The account's ledger pocket. */
    Pocket pocket() {
        return new Pocket(accountNo, currency);
    }

    /** This listing, keeping the currency of an account opened earlier (a ledger does not convert). */
    AccountSpec keepingCurrency(String openedIn) {
        return new AccountSpec(partyId, accountNo, firstName, middleName, lastName, displayName, dateOfBirth, openedIn,
                openingBalance, status, merchantClassificationCode);
    }

    static BigDecimal decimal(String text, String key) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CbsException(FailureKind.REJECTED, key + " must be a decimal number", e);
        }
    }

    private static BigDecimal openingBalance(String text, String key) {
        BigDecimal balance = decimal(text, key);
        if (balance.signum() < 0) {
            throw invalid(key + " must not be negative");
        }
        return balance;
    }

    static CbsException invalid(String message) {
        return new CbsException(FailureKind.REJECTED, message);
    }

    private static LocalDate date(String text, String key) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CbsException(FailureKind.REJECTED, key + " must be yyyy-MM-dd", e);
        }
    }

    private static AccountStatus status(String text, String key) {
        try {
            return AccountStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new CbsException(FailureKind.REJECTED, key + " must be ACTIVE, BLOCKED, DORMANT or CLOSED", e);
        }
    }
}
