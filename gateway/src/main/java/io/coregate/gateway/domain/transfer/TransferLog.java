package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable transfer log (port). Every state change is one transaction that updates the transfer and appends
 * to its journal. Implementations are thread-safe; uniqueness of transfer ids is enforced by the store, so concurrent
 * duplicates cannot both be inserted.
 */
public interface TransferLog {

    /**
     * Inserts a transfer in its first state with its first journal entry and a lease for the caller's CBS call.
     *
     * @return true when inserted, false when a transfer with that id exists
     */
    boolean insert(Transfer transfer, String detail, Duration lease);

    Optional<Transfer> find(TenantId tenant, Direction direction, String transferId);

    /** An outbound transfer by the id the Mojaloop Connector gave it (the id the DFSP's channel sees). */
    Optional<Transfer> findOutboundByMojaloopId(TenantId tenant, String mojaloopTransferId);

    /**
     * Takes the lease on a transfer in {@code state} (no other lease live) for a CBS call, incrementing its lease
     * generation.
     *
     * @return the fencing token of the lease this caller holds now, or empty when it was not taken
     */
    Optional<Fence> lease(TenantId tenant, Direction direction, String transferId, TransferState state, Duration lease);

    /** Gives up the lease {@code fence} without a state change (nothing happens when another caller has leased it since). */
    void release(TenantId tenant, Direction direction, String transferId, Fence fence);

    /** True when no CBS call holds the transfer's lease. */
    boolean leaseFree(TenantId tenant, Direction direction, String transferId);

    /**
     * Applies a state change if the transfer is still in {@code change.from()} and, for a fenced change, its lease
     * generation is still the fence's; clears the lease.
     *
     * @return the transfer after the change, or empty when it was no longer in {@code change.from()} or another caller
     *     has leased it since
     */
    Optional<Transfer> change(TenantId tenant, Direction direction, String transferId, StateChange change);

    /**
     * An operator's resolution of a RECONCILE case, audited in the same transaction. It increments the lease
     * generation, so a caller whose lease expired before the resolution writes nothing after it.
     *
     * @return the transfer after the change, or empty when it was not in RECONCILE or a retry holds its lease
     */
    Optional<Transfer> resolve(TenantId tenant, Direction direction, String transferId, StateChange change, String actor, String reason);

    /**
     * Records a failed reconciliation retry of a RECONCILE transfer under the lease {@code fence}: attempts, next retry
     * and a journal entry; clears the lease. Nothing is written when another caller has leased the transfer since.
     */
    void recordRetry(TenantId tenant, Direction direction, String transferId, Fence fence, int attempts, Optional<Instant> nextRetryAt,
                     String detail);

    List<TransferEvent> journal(TenantId tenant, Direction direction, String transferId);

    List<ListedTransfer> list(TenantId tenant, TransferQuery query);

    /** INBOUND RECONCILE transfers with a known target whose next retry is due, oldest first. */
    List<Transfer> dueForRetry(Instant now, int limit);

    /** INBOUND RESERVED transfers whose quote expired before {@code cutoff}. */
    List<Transfer> staleReserved(Instant cutoff, int limit);

    /** The number of transfers in RECONCILE per tenant. */
    java.util.Map<TenantId, Long> reconcileCounts();

    /** The number of OUTBOUND transfers in UNCERTAIN (outcome at the hub unknown) per tenant. */
    java.util.Map<TenantId, Long> uncertainCounts();
}
