package io.coregate.plugin.support.narrative;

import io.coregate.plugin.api.Counterparty;
import io.coregate.plugin.api.TransferContext;

import java.util.List;

/**
 * Booking narratives from a money call's {@link TransferContext}, the same for every plugin: the customer's statement
 * says who paid (or whom they paid), at which FSP, and the Mojaloop transfer id. Stateless.
 */
public final class Narratives {

    private Narratives() {
    }

    /** The payee's narrative: who paid, from which FSP, and the transfer. */
    public static List<String> credited(TransferContext context) {
        return List.of("From " + name(context.payer()), "Mojaloop " + context.transferId());
    }

    /** The payer's narrative: whom they paid, at which FSP, and {@code what} ("Mojaloop", "Refund", ...) with the transfer. */
    public static List<String> debited(TransferContext context, String what) {
        return List.of("To " + name(context.payee()), what + " " + context.transferId());
    }

    /** A counterparty's name (its id when it has none), with its FSP when known. */
    public static String name(Counterparty party) {
        String who = party.name().filter(n -> !n.isBlank()).orElse(party.id().idValue());
        return party.fspId().map(fsp -> who + " at " + fsp).orElse(who);
    }
}
