package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The background resolver of UNCERTAIN outbound transfers (an accept whose outcome the gateway never heard): asks the
 * connector's {@code GET /transfers/{id}} with backoff ({@link TransferPolicy#backoff}). COMPLETED captures the hold
 * and records COMMITTED (posting the reservation); ABORTED gives the customer's money back and records ABORTED
 * (voiding it). No answer, or "not found" (3208), is retried until the quote's expiry plus
 * {@link TransferPolicy#reservedGrace()}; after that the transfer stays UNCERTAIN, with no next retry, for an operator
 * (admin API, {@code state=UNCERTAIN}). A DEBITED transfer unchanged for longer than the request lease (its accept was
 * sent by a gateway that stopped before recording the outcome) is made UNCERTAIN first. Run from one scheduler thread;
 * safe on several replicas (each transfer is leased).
 */
public final class UncertainResolver {

    private static final System.Logger LOG = System.getLogger(UncertainResolver.class.getName());
    private static final int BATCH = 50;
    /** Beyond the lease, before a DEBITED transfer counts as left behind by a stopped gateway. */
    private static final Duration STUCK_MARGIN = Duration.ofSeconds(30);

    private final Connector connector;
    private final OutboundLog outbound;
    private final TransferLog log;
    private final DebitSteps debits;
    private final Settlement settlement;
    private final TransferPolicy policy;
    private final TransferMetrics metrics;
    private final Duration lease;
    private final Clock clock;
    private final Function<TenantId, Optional<Tenant>> tenants;

    public UncertainResolver(Connector connector, DebitSteps debits, Settlement settlement, OutboundLog outbound, TransferLog log,
                             TransferMetrics metrics, TransferPolicy policy, Duration lease, Clock clock,
                             Function<TenantId, Optional<Tenant>> tenants) {
        this.connector = connector;
        this.outbound = outbound;
        this.log = log;
        this.debits = debits;
        this.settlement = settlement;
        this.policy = policy;
        this.metrics = metrics;
        this.lease = lease;
        this.clock = clock;
        this.tenants = tenants;
    }

    /** One pass: DEBITED transfers a stopped gateway left behind become UNCERTAIN; then the due UNCERTAIN ones are read. */
    public void runOnce() {
        for (Outbound stuck : outbound.stuckDebited(clock.instant().minus(lease).minus(STUCK_MARGIN), BATCH)) {
            Transfer t = stuck.transfer();
            Optional<Fence> fence = log.lease(t.tenant(), Direction.OUTBOUND, t.transferId(), TransferState.DEBITED, lease);
            if (fence.isPresent()) {
                String detail = "the accept of transfer " + stuck.mojaloopTransferId().orElse("?") + " was sent but its outcome was never"
                    + " recorded (the gateway stopped meanwhile); asking the connector";
                var change = new StateChange(TransferState.DEBITED, TransferState.UNCERTAIN, Optional.empty(), Optional.empty(), detail,
                    Optional.of(StoredAnswer.refused(ErrorCode.CBS_TIMEOUT, detail)), Optional.of("outcome not recorded"), 0,
                    Optional.of(clock.instant()), fence);
                log.change(t.tenant(), Direction.OUTBOUND, t.transferId(), change)
                    .ifPresent(after -> metrics.outcome(after.tenant(), Direction.OUTBOUND, TransferState.UNCERTAIN));
            }
        }
        for (Outbound due : outbound.uncertainDue(clock.instant(), BATCH)) {
            Transfer t = due.transfer();
            Optional<Tenant> tenant = tenants.apply(t.tenant());
            Optional<Fence> fence = tenant.flatMap(held -> log.lease(t.tenant(), Direction.OUTBOUND, t.transferId(), TransferState.UNCERTAIN,
                lease.plus(held.document().cbs().longestTimeout())));
            if (fence.isPresent()) {
                resolve(tenant.get(), due, fence.get());
            }
        }
    }

    private void resolve(Tenant tenant, Outbound due, Fence fence) {
        String id = due.mojaloopTransferId().orElseThrow();
        ConnectorOutcome status = connector.getTransfer(tenant, id);
        if (status instanceof ConnectorOutcome.Completed || status instanceof ConnectorOutcome.Aborted) {
            try {
                settlement.settle(tenant, due, status, DebitSteps.request(due, due.transfer().cbsReference()), debits.mode(tenant, due),
                    Optional.of(fence));
            } catch (GatewayException e) {
                LOG.log(System.Logger.Level.INFO, "tenant " + tenant.id() + ": transfer " + id + " resolved: " + e.getMessage());
            }
            return;
        }
        Transfer t = due.transfer();
        int attempts = t.attempts() + 1;
        Instant giveUp = t.expiresAt().orElse(t.createdAt()).plus(policy.reservedGrace());
        Instant next = clock.instant().plus(policy.backoff(attempts));
        String reason = status instanceof ConnectorOutcome.Failed failed ? failed.fspiopCode().orElse(failed.code().code()) + ": "
            + failed.message() : status instanceof ConnectorOutcome.Unknown unknown ? unknown.reason() : status.toString();
        boolean retry = !next.isAfter(giveUp);
        String detail = "status read " + attempts + ": " + reason + (retry ? "" : "; still unknown after the quote's expiry and grace:"
            + " an operator must resolve it");
        outbound.retryLater(t.tenant(), t.transferId(), attempts, retry ? Optional.of(next) : Optional.empty(), detail);
        if (!retry) {
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": transfer " + id + " stays UNCERTAIN: " + detail);
        }
    }
}
