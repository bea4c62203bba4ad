package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.MojaloopTime;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reconciliation job: retries RECONCILE credits with a known target (bounded exponential backoff, see
 * {@link TransferPolicy}), flags RESERVED transfers whose quote expired longer ago than the grace as RECONCILE (the
 * notification never came), and publishes the open cases per tenant. Run periodically from one scheduler thread;
 * safe to run on several replicas (every CBS step takes the transfer's lease first).
 */
public final class Reconciler {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final int BATCH = 100;

    private final TransferLog log;
    private final CreditSteps steps;
    private final TransferMetrics metrics;
    private final TransferPolicy policy;
    private final Clock clock;
    private final Function<TenantId, Optional<Tenant>> tenants;

    public Reconciler(CreditSteps steps, TransferLog log, TransferMetrics metrics, TransferPolicy policy, Clock clock,
                      Function<TenantId, Optional<Tenant>> tenants) {
        this.log = log;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
        this.tenants = tenants;
        this.steps = steps;
    }

    /** One pass: stale reservations, due retries, the open-case gauge. */
    public void runOnce() {
        Instant now = clock.instant();
        for (Transfer stale : log.staleReserved(now.minus(policy.reservedGrace()), BATCH)) {
            flagStale(stale);
        }
        for (Transfer due : log.dueForRetry(now, BATCH)) {
            Optional<Tenant> tenant = tenants.apply(due.tenant());
            Optional<Fence> fence = tenant.flatMap(t -> log.lease(due.tenant(), Direction.INBOUND, due.transferId(), TransferState.RECONCILE,
                policy.leaseCovering(t.document().cbs().longestTimeout(), CreditSteps.CALLS)));
            if (fence.isPresent()) {
                TransferState target = due.targetState().orElseThrow();
                Optional<Transfer> after = target == TransferState.COMMITTED ? steps.commit(tenant.get(), due, fence.get())
                    : steps.release(tenant.get(), due, fence.get());
                after.ifPresent(t -> LOG.log(System.Logger.Level.INFO, "tenant " + t.tenant() + ": transfer " + t.transferId()
                    + " reconciled to " + t.state()));
            }
        }
        metrics.reconcileOpen(log.reconcileCounts());
        metrics.uncertainOpen(log.uncertainCounts());
    }

    private void flagStale(Transfer stale) {
        Optional<Fence> fence = log.lease(stale.tenant(), Direction.INBOUND, stale.transferId(), TransferState.RESERVED, policy.lease());
        if (fence.isEmpty()) {
            return;
        }
        String detail = "no notification came; the quote expired at " + stale.expiresAt().map(MojaloopTime::format).orElse("?")
            + "; the reservation is kept for an operator";
        var change = new StateChange(TransferState.RESERVED, TransferState.RECONCILE, Optional.empty(), stale.cbsReference(), detail,
            Optional.empty(), Optional.of("no notification"), stale.attempts(), Optional.empty(), fence);
        log.change(stale.tenant(), Direction.INBOUND, stale.transferId(), change).ifPresent(t -> {
            metrics.outcome(t.tenant(), Direction.INBOUND, TransferState.RECONCILE);
            LOG.log(System.Logger.Level.WARNING, "tenant " + t.tenant() + ": transfer " + t.transferId() + " flagged RECONCILE: " + detail);
        });
    }
}
