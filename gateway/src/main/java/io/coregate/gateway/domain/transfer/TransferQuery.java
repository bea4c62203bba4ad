package io.coregate.gateway.domain.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters for listing a tenant's transfers (newest first).
 *
 * @param state     only this state
 * @param direction only this direction
 * @param from      created at or after
 * @param to        created before
 * @param limit     at most this many (1..1000)
 * @param id        only the transfer any of whose ids this is: the gateway's id, the Mojaloop transfer id a channel was
 *                  given, or the channel's homeTransactionId
 */
public record TransferQuery(Optional<TransferState> state, Optional<Direction> direction, Optional<Instant> from, Optional<Instant> to,
                            int limit, Optional<String> id) {
}
