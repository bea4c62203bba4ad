package io.coregate.plugin.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A party of a transfer as far as a narrative or statement line needs it: who, by which id, at which FSP. For the
 * tenant's own customer the resolved {@link Party} (with its account) is in {@link TransferContext#customer()}.
 * Immutable and thread-safe.
 *
 * @param id    how Mojaloop names the party
 * @param name  a display name, when known
 * @param fspId the participant id of the FSP holding the party's account, when known
 * @since 2.0.0
 */
public record Counterparty(PartyId id, Optional<String> name, Optional<String> fspId) {

    public Counterparty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fspId, "fspId");
    }

    /** A party the gateway did not name (only in requests built with the compatibility constructors). */
    public static Counterparty unknown() {
        return of(new PartyId("", "", Optional.empty()));
    }

    /** A party known only by its id. */
    public static Counterparty of(PartyId id) {
        return new Counterparty(id, Optional.empty(), Optional.empty());
    }
}
