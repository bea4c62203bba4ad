package io.coregate.gateway.domain.payee;

import java.util.List;
import java.util.Optional;

/**
 * The Connector's {@code PUT /transfers/{id}} notification as the payee flow reads it: how the hub ended the transfer,
 * and what the notification's copies of the quote claim about it. Read tolerantly at the http edge: the Connector's
 * notification carries its whole state machine, of which only these facts are checked against the stored transfer.
 *
 * @param currentState COMPLETED, or anything else for a transfer the hub did not complete
 * @param claims       the facts the notification states, each with the field that states it
 */
public record NotificationBody(Optional<String> currentState, List<Claim> claims) {

    public NotificationBody {
        claims = List.copyOf(claims);
    }

    /** What a claim is about. */
    public enum Fact {
        /** The transfer's currency. */
        CURRENCY,
        /** The payee's id type. */
        PAYEE_ID_TYPE
    }

    /**
     * One fact the notification states.
     *
     * @param field where it says so, e.g. {@code quote.internalRequest.currency}
     * @param fact  what about
     * @param value what it says
     */
    public record Claim(String field, Fact fact, String value) {
    }

    /** Whether the hub completed the transfer. */
    public boolean completed() {
        return currentState.filter("COMPLETED"::equals).isPresent();
    }
}
