package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payer side's part of the transfer log (port), next to {@link io.coregate.gateway.domain.transfer.TransferLog},
 * whose state changes move the liquidity ledger in the same transaction for OUTBOUND transfers (COMMITTED posts the
 * reservation, ABORTED voids it, DEBITED, UNCERTAIN and RECONCILE mark it uncertain so the sweeper keeps it).
 * Implementations are thread-safe; {@code (tenant, homeTransactionId)} is unique in the store, so concurrent
 * duplicates cannot both be inserted.
 */
public interface OutboundLog {

    /**
     * Inserts an outbound transfer with its first journal entry and a lease; when it is RESERVED, reserves its amount in
     * the ledger until {@code holdUntil} in the same transaction.
     *
     * @return true when inserted, false when the tenant already has a transfer with that {@code homeTransactionId}
     * @throws io.coregate.gateway.domain.error.GatewayException 4001 or 4200 when the reservation does not fit: then
     *     nothing was stored
     */
    boolean open(Transfer transfer, Instant holdUntil, String detail, Duration lease);

    /**
     * Records the connector's quote: the transfer moves from {@code from} to {@code to} with the quote's amounts, payee,
     * expiry and Mojaloop transfer id; with {@code reserve} the quoted amount is reserved in the ledger in the same
     * transaction (until {@code holdUntil}).
     *
     * @return the transfer after the change, or empty when it was no longer in {@code from}
     * @throws io.coregate.gateway.domain.error.GatewayException 4001 or 4200 when the reservation does not fit: then
     *     nothing changed
     */
    Optional<Outbound> quoted(TenantId tenant, String ref, TransferState from, TransferState to, QuoteFacts quote, boolean reserve,
                              Instant holdUntil, String detail);

    /** The tenant's outbound transfer with this {@code homeTransactionId}. */
    Optional<Outbound> byHome(TenantId tenant, String homeTransactionId);

    /** The tenant's outbound transfer with this Mojaloop transfer id. */
    Optional<Outbound> byMojaloopId(TenantId tenant, String mojaloopTransferId);

    /** The tenant's outbound transfer with this gateway reference. */
    Optional<Outbound> byRef(TenantId tenant, String ref);

    /**
     * DEBITED transfers last changed before {@code cutoff}: the request that sent their accept ended without recording
     * its outcome (the gateway stopped), oldest first.
     */
    List<Outbound> stuckDebited(Instant cutoff, int limit);

    /** UNCERTAIN transfers whose next status read is due, oldest first. */
    List<Outbound> uncertainDue(Instant now, int limit);

    /**
     * Records an unanswered status read of an UNCERTAIN transfer: attempts, the next read (empty: an operator must
     * resolve it) and a journal entry; clears the lease.
     */
    void retryLater(TenantId tenant, String ref, int attempts, Optional<Instant> nextRetryAt, String detail);
}
