package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.validation.Check;

import java.util.List;
import java.util.Optional;

/**
 * The operators' view of the transfer log: list, detail with journal, and resolution of RECONCILE cases and of
 * UNCERTAIN outbound transfers (whose CBS step, capture or refund, runs first through {@link OutboundResolution}).
 * Thread-safe.
 */
public final class TransferAdmin {

    private final TransferLog log;
    private final TransferMetrics metrics;
    private final OutboundResolution outbound;
    private final LegLog legs;

    public TransferAdmin(TransferLog log, TransferMetrics metrics, OutboundResolution outbound, LegLog legs) {
        this.log = log;
        this.metrics = metrics;
        this.outbound = outbound;
        this.legs = legs;
    }

    /**
     * A transfer, its journal and its money legs.
     *
     * @param transfer the transfer
     * @param journal  its events, oldest first
     * @param legs     its money legs at the CBS, in the order first written
     */
    public record Detail(Transfer transfer, List<TransferEvent> journal, List<LegRecord> legs) {
    }

    /**
     * A listed transfer with its money legs.
     *
     * @param listed the transfer and the ids a user may hold
     * @param legs   its money legs: state, key, attempts and last error each
     */
    public record Listed(ListedTransfer listed, List<LegRecord> legs) {
    }

    public List<Listed> list(TenantId tenant, TransferQuery query) {
        return log.list(tenant, query).stream()
            .map(l -> new Listed(l, legs.of(tenant, l.transfer().direction(), l.transfer().transferId()))).toList();
    }

    /**
     * A transfer by its id; an outbound one also by the Mojaloop transfer id its channel was given. Without a direction,
     * an inbound transfer of that id, else an outbound one (so every id the admin list shows opens as it is).
     *
     * @throws GatewayException 3208 when unknown
     */
    public Detail get(TenantId tenant, Optional<Direction> direction, String transferId) {
        Transfer transfer = locate(tenant, direction, transferId);
        return new Detail(transfer, log.journal(tenant, transfer.direction(), transfer.transferId()),
            legs.of(tenant, transfer.direction(), transfer.transferId()));
    }

    private Transfer locate(TenantId tenant, Optional<Direction> direction, String id) {
        return direction.map(d -> find(tenant, d, id))
            .orElseGet(() -> find(tenant, Direction.INBOUND, id).or(() -> find(tenant, Direction.OUTBOUND, id)))
            .orElseThrow(() -> new GatewayException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + id + " is unknown"));
    }

    /** By the log's own id, else (outbound) by the Mojaloop transfer id. */
    private Optional<Transfer> find(TenantId tenant, Direction direction, String id) {
        return log.find(tenant, direction, id)
            .or(() -> direction == Direction.OUTBOUND ? log.findOutboundByMojaloopId(tenant, id) : Optional.empty());
    }

    /**
     * Settles a RECONCILE case as the operator found it in the CBS, or an UNCERTAIN outbound transfer as the operator
     * found it at the hub, audited with the operator's reason.
     *
     * @param body the operator's outcome and reason
     * @throws GatewayException 3100 for a bad body or a transfer not in RECONCILE (or UNCERTAIN outbound), 2003 when its CBS
     *                          step failed, 3208 when unknown, 2005 while a retry
     *                          holds the transfer
     */
    public Detail resolve(TenantId tenant, Optional<Direction> requested, String transferId, Resolution body, String actor) {
        Check.valid(body);
        String reason = body.reason();
        Transfer transfer = locate(tenant, requested, transferId);
        Direction direction = transfer.direction();
        String id = transfer.transferId();
        boolean uncertain = transfer.state() == TransferState.UNCERTAIN && direction == Direction.OUTBOUND;
        if (transfer.state() != TransferState.RECONCILE && !uncertain) {
            throw new GatewayException(ErrorCode.VALIDATION, "transfer " + transferId + " is " + transfer.state()
                + ", not RECONCILE (or UNCERTAIN, outbound)");
        }
        TransferState to = body.state();
        if (uncertain) {
            outbound.apply(transfer, to).ifPresent(failure -> {
                throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "transfer " + transferId + " stays UNCERTAIN: " + failure);
            });
        }
        StoredAnswer answer = to == TransferState.COMMITTED
            ? StoredAnswer.of(new TransferResponseBody(transfer.homeTransactionId(), to.publicName())) : StoredAnswer.NOT_COMPLETED;
        var change = new StateChange(transfer.state(), to, Optional.empty(), transfer.cbsReference(),
            "resolved by " + actor + ": " + reason, Optional.of(answer), Optional.empty(), transfer.attempts(), Optional.empty());
        Transfer after = log.resolve(tenant, direction, id, change, actor, reason).orElseThrow(() -> new GatewayException(
            ErrorCode.SERVER_BUSY, "a retry of transfer " + transferId + " is in flight (or it left " + transfer.state() + "); try again shortly"));
        metrics.outcome(tenant, direction, to);
        return new Detail(after, log.journal(tenant, direction, id), legs.of(tenant, direction, id));
    }
}
