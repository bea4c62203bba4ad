package io.coregate.gateway.domain.transfer;

import io.coregate.plugin.api.FailureKind;

/**
 * What a money leg came to, as far as the gateway knows: booked, refused (nothing was booked), or still open
 * (pending at the CBS, or unknown: never to be answered blind, with a give-back or a second call).
 */
public sealed interface LegOutcome {

    /** The CBS booked the leg. */
    record Booked(String cbsReference) implements LegOutcome {
    }

    /** The CBS did not book the leg. */
    record Refused(FailureKind kind, String message) implements LegOutcome {
    }

    /** Not known yet: the leg is PENDING, UNKNOWN or INTENDED and the settling job resolves it. */
    record Open(LegState state, String reason) implements LegOutcome {
    }
}
