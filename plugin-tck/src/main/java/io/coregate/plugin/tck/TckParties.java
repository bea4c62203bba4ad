package io.coregate.plugin.tck;

import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import java.util.Objects;
import java.util.Optional;

/**
 * The customers the contract works with, as they exist in the subject's CBS (or simulator).
 * Immutable and thread-safe.
 *
 * @param payee   an active customer that can be credited
 * @param payer   an active customer holding at least ten times {@code amount}
 * @param unknown an identifier the CBS does not know
 * @param blocked a blocked, dormant or closed customer, if the CBS has one
 * @param amount  the amount transfers move, in the customers' currency
 */
public record TckParties(PartyId payee, PartyId payer, PartyId unknown, Optional<PartyId> blocked, Money amount) {

    public TckParties {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(unknown, "unknown");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(amount, "amount");
    }
}
