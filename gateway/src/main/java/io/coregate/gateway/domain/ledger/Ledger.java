package io.coregate.gateway.domain.ledger;

import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * The transfer-facing ledger port: two-phase reservations and inbound movements. Every operation is one transaction
 * that also appends to the journal, and is idempotent on its reference: a repeat changes nothing and says so in its
 * {@link LedgerResult}. Implementations are thread-safe and exact under any concurrency: {@code available} never
 * goes below zero through a reservation.
 */
public interface Ledger {

    /**
     * Holds {@code amount} for a payer-side transfer until it is posted, voided or expires.
     *
     * @throws io.coregate.gateway.domain.error.GatewayException 4001 when it does not fit in available, 4200 above the
     *     per-transfer maximum, 3106 when the reference was reserved with another amount or currency
     */
    LedgerResult reserve(TenantId tenant, Money amount, String transferRef, Instant expiresAt);

    /**
     * The transfer completed: {@code reserved -= amount, position += amount}. A second post changes nothing.
     *
     * @throws io.coregate.gateway.domain.error.GatewayException 3200 for an unknown reference, 3303 when it was voided
     */
    LedgerResult post(TenantId tenant, String transferRef);

    /**
     * The transfer failed: {@code reserved -= amount}. A second void, or a void of a posted reservation, changes nothing.
     *
     * @throws io.coregate.gateway.domain.error.GatewayException 3200 for an unknown reference
     */
    LedgerResult voidReservation(TenantId tenant, String transferRef);

    /** A committed inbound transfer: {@code position -= amount}; idempotent on (tenant, currency, transferRef). */
    LedgerResult inbound(TenantId tenant, Money amount, String transferRef);

    /**
     * Marks (or clears) a pending reservation whose transfer's outcome is unknown; the sweeper never expires a marked one.
     *
     * @return false when there is no pending reservation with that reference
     */
    boolean markUncertain(TenantId tenant, String transferRef, boolean uncertain);

    /** A reservation by its reference. */
    Optional<Reservation> reservation(TenantId tenant, String transferRef);

    /**
     * Voids up to {@code batchSize} pending, certain reservations whose expiry has passed (by the database clock),
     * skipping rows other instances hold, so several gateways share the work.
     *
     * @return how many were voided
     */
    int expireDue(int batchSize);
}
