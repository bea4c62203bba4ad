package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One money leg of a transfer as stored.
 *
 * @param tenant       whose transfer
 * @param direction    which way the transfer goes
 * @param transferId   the transfer log's key (for OUTBOUND the gateway's reference)
 * @param leg          which movement
 * @param key          the idempotency key the CBS was given ({@link LegKey#value()})
 * @param state        where it stands
 * @param attempts     how many calls of it were made (or started)
 * @param cbsReference the CBS's reference: its correlation id while PENDING, the booking's once BOOKED
 * @param lastError    the latest failure or reason it is open
 * @param nextCheckAt  when the settling job next asks the CBS about an open leg (empty: only an operator moves it)
 * @param updatedAt    its latest change
 * @param createdAt    when it was first written (the start of its pending deadline)
 */
public record LegRecord(TenantId tenant, Direction direction, String transferId, Leg leg, String key, LegState state, int attempts,
                        Optional<String> cbsReference, Optional<String> lastError, Optional<Instant> nextCheckAt, Instant updatedAt,
                        Instant createdAt) {

    public LegRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
    }

    /** The key as the SPI hands it to the adapter, for the next call ({@code attempts + 1}) or a status read. */
    public LegKey legKey(int attempt) {
        String suffix = "-" + leg.label();
        String mojaloopId = key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length()) : key;
        return new LegKey(mojaloopId, leg, Math.max(1, attempt));
    }
}
