package io.coregate.plugins.sandbox;

import java.util.Optional;

/**
 * Whom an operation concerns, for matching the {@code idValue} / {@code accountNo} filters of a {@link Fault}.
 *
 * @param idValue   the party identifier, when the operation names one
 * @param accountNo the customer account, when known
 */
record Target(Optional<String> idValue, Optional<String> accountNo) {

    /** An operation about no customer ({@code status}, {@code health}). */
    static Target none() {
        return new Target(Optional.empty(), Optional.empty());
    }
}
