package io.coregate.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's own accounts in its CBS: the disbursement (payee float) account inbound credits are paid from,
 * and the collection account outbound debits are paid into, optionally with a branch (T24 company, FLEXCUBE branch
 * code), and optionally per currency. Empty means the CBS's default for that role. Use {@link #forCurrency} to get
 * the accounts of a transfer's currency. Immutable and thread-safe.
 *
 * @param disbursement the payee-side float account
 * @param collection   the payer-side collection account
 * @param branch       the branch the accounts are held at, when the CBS needs one
 * @param currencies   accounts per ISO 4217 currency, overriding these defaults member by member
 */
public record AccountMapping(Optional<String> disbursement, Optional<String> collection, Optional<String> branch,
                             Map<String, AccountMapping> currencies) {

    /**
     * @since 2.0.0
     */
    public AccountMapping {
        Objects.requireNonNull(disbursement, "disbursement");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(branch, "branch");
        currencies = Map.copyOf(currencies);
    }

    /** The two accounts, no branch, the same for every currency (the 1.x shape). */
    public AccountMapping(Optional<String> disbursement, Optional<String> collection) {
        this(disbursement, collection, Optional.empty(), Map.of());
    }

    /** No accounts mapped. */
    public static AccountMapping none() {
        return new AccountMapping(Optional.empty(), Optional.empty());
    }

    /**
     * The accounts for one currency: its entry's members where set, these defaults for the rest.
     *
     * @param currency an ISO 4217 code
     * @return a mapping without per-currency entries
     * @since 2.0.0
     */
    public AccountMapping forCurrency(String currency) {
        AccountMapping specific = currencies.get(currency);
        if (specific == null) {
            return new AccountMapping(disbursement, collection, branch, Map.of());
        }
        return new AccountMapping(specific.disbursement().or(() -> disbursement), specific.collection().or(() -> collection),
            specific.branch().or(() -> branch), Map.of());
    }
}
