package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Leg;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable record of a transfer's money legs (port). Every write is one transaction that also appends a journal
 * entry to the transfer's events. Implementations are thread-safe.
 */
public interface LegLog {

    /**
     * Records the intent to call a leg, before the call: a new leg is INTENDED with attempt 1; a FAILED one becomes
     * INTENDED again with its attempts incremented. An open or BOOKED leg is left as it is: its caller resolves it (an
     * open leg) or uses it (a booked one) instead of calling again.
     *
     * @param nextCheckAt when the settling job may look at it if the caller never records an answer (the call's worst
     *                    case from now)
     * @param again       also re-intend an INTENDED or UNKNOWN leg (its caller checked the CBS first and found no
     *                    booking, or could not ask): the call is repeated under the same key
     * @return the leg after the write, and whether this caller may call the CBS now
     */
    Intent intend(TenantId tenant, Direction direction, String transferId, Leg leg, String key, Instant nextCheckAt, boolean again);

    /**
     * Records what is known of a leg now. Written only while the leg is still in {@code from}, so two callers that
     * resolved the same leg cannot overwrite each other's answer.
     *
     * @return true when written
     */
    boolean record(TenantId tenant, Direction direction, String transferId, Leg leg, LegState from, LegState to,
                   Optional<String> cbsReference, Optional<String> error, Optional<Instant> nextCheckAt);

    Optional<LegRecord> find(TenantId tenant, Direction direction, String transferId, Leg leg);

    /** Every leg of one transfer, in the order they were first written. */
    List<LegRecord> of(TenantId tenant, Direction direction, String transferId);

    /** Open legs of {@code direction} whose next check is due, oldest first. */
    List<LegRecord> due(Direction direction, Instant now, int limit);

    /**
     * Closed (BOOKED or FAILED) legs among {@code legs} whose transfer is still in {@code state} and not leased, least
     * recently written first: a leg resolved whose transfer was not moved on, because the gateway stopped in between or
     * another holder kept the transfer's lease when the leg was resolved. The settling job moves those transfers on.
     */
    List<LegRecord> stranded(Direction direction, TransferState state, Set<Leg> legs, int limit);

    /**
     * The result of {@link #intend}.
     *
     * @param leg  the leg after the write
     * @param call true when the leg was written INTENDED by this caller (call the CBS now with {@code leg.attempts()})
     */
    record Intent(LegRecord leg, boolean call) {
    }
}
