package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegOutcome;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.gateway.domain.transfer.PendingDeadline;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Leg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The background settler of the payer side's open money legs: a debit (or hold) the CBS answered pending, did not
 * answer, or whose gateway stopped during the call, and give-backs and captures left open. Each due leg is resolved by
 * the CBS's status (the callback route's stored answers included): a DEBIT_PENDING transfer whose debit is known moves
 * on through {@link DebitDecisions} (accepted with the Connector while its quote stands, given back after, aborted
 * when refused); one still open at its {@link PendingDeadline} goes to RECONCILE for an operator, never refunded
 * blind; it is asked again with the deadline's backoff. A DEBIT_PENDING transfer whose debit is known but which was
 * not moved on (a crash in between, or the lease held when the leg was resolved) is picked up again on every pass
 * until it moves. Status reads are side-effect free and made without the transfer's
 * lease; moving the transfer takes it. Run from one scheduler thread; safe on several replicas.
 */
public final class PendingDebits {

    private static final System.Logger LOG = System.getLogger(PendingDebits.class.getName());
    private static final int BATCH = 50;

    private final MoneyLegs legs;
    private final LegLog legLog;
    private final DebitDecisions decisions;
    private final DebitSteps debits;
    private final ChannelWebhook webhook;
    private final OutboundLog outbound;
    private final TransferLog log;
    private final TransferPolicy policy;
    private final Duration lease;
    private final Clock clock;
    private final Function<TenantId, Optional<Tenant>> tenants;

    public PendingDebits(MoneyLegs legs, LegLog legLog, DebitDecisions decisions, DebitSteps debits, ChannelWebhook webhook,
                         OutboundLog outbound, TransferLog log, TransferPolicy policy, Duration lease, Clock clock,
                         Function<TenantId, Optional<Tenant>> tenants) {
        this.legs = legs;
        this.legLog = legLog;
        this.decisions = decisions;
        this.debits = debits;
        this.webhook = webhook;
        this.outbound = outbound;
        this.log = log;
        this.policy = policy;
        this.lease = lease;
        this.clock = clock;
        this.tenants = tenants;
    }

    /**
     * One pass over the due open legs, then over the DEBIT_PENDING transfers whose debit (or hold) is already known but
     * which were not moved on: the gateway stopped between resolving the leg and moving the transfer, or the transfer's
     * lease was still held (by an accept whose gateway died) when this job resolved it.
     */
    public void runOnce() {
        var work = new ArrayList<>(legLog.due(Direction.OUTBOUND, clock.instant(), BATCH));
        work.addAll(legLog.stranded(Direction.OUTBOUND, TransferState.DEBIT_PENDING, Set.of(Leg.DEBIT, Leg.HOLD), BATCH));
        for (LegRecord leg : work) {
            Optional<Tenant> tenant = tenants.apply(leg.tenant());
            Optional<Outbound> found = outbound.byRef(leg.tenant(), leg.transferId());
            if (tenant.isEmpty() || found.isEmpty()) {
                legs.later(leg, "tenant " + leg.tenant() + " is not enabled", Optional.of(clock.instant().plus(policy.retryMax())));
                continue;
            }
            try {
                settle(tenant.get(), found.get(), leg);
            } catch (GatewayException e) {
                LOG.log(System.Logger.Level.INFO, "tenant " + leg.tenant() + ": transfer " + leg.transferId() + " " + leg.leg() + ": "
                    + e.getMessage());
            }
        }
    }

    private void settle(Tenant tenant, Outbound found, LegRecord leg) {
        LegOutcome known = legs.check(tenant, leg);
        boolean taking = leg.leg() == Leg.DEBIT || leg.leg() == Leg.HOLD;
        if (!taking || found.transfer().state() != TransferState.DEBIT_PENDING) {
            if (known instanceof LegOutcome.Open open) {
                boolean settled = found.transfer().state().isFinal();
                legs.later(leg, open.reason(), settled ? Optional.empty() : Optional.of(clock.instant().plus(policy.retryInterval())));
            }
            return;
        }
        Instant deadline = PendingDeadline.of(tenant, found.transfer(), leg, policy);
        if (known instanceof LegOutcome.Open open) {
            if (!clock.instant().isBefore(deadline)) {
                giveUp(tenant, found, leg, open);
            } else if (leg.state() != LegState.PENDING) {
                resend(tenant, found, leg);
            } else {
                legs.later(leg, open.reason(), Optional.of(PendingDeadline.nextCheck(leg, policy, clock.instant())));
            }
            return;
        }
        Optional<Fence> fence = log.lease(tenant.id(), Direction.OUTBOUND, found.ref(), TransferState.DEBIT_PENDING,
            lease.plus(tenant.document().cbs().longestTimeout().multipliedBy(2)));
        if (fence.isEmpty()) {
            return;
        }
        Outbound current = outbound.byRef(tenant.id(), found.ref()).orElseThrow();
        CompletedBody answer = decided(tenant, current, fence.get(), leg.leg(), known);
        LOG.log(System.Logger.Level.INFO, "tenant " + tenant.id() + ": transfer " + found.mojaloopTransferId().orElse(found.ref())
            + " debit settled: " + answer.currentState());
    }

    /**
     * An unanswered debit the CBS cannot report on (no status for it, or the status read failed): sent again under the
     * same key (attempt + 1), which the adapter books at most once, then moved on as its answer says.
     */
    private void resend(Tenant tenant, Outbound found, LegRecord leg) {
        Optional<Fence> fence = log.lease(tenant.id(), Direction.OUTBOUND, found.ref(), TransferState.DEBIT_PENDING,
            lease.plus(tenant.document().cbs().longestTimeout().multipliedBy(3)));
        if (fence.isEmpty()) {
            return;
        }
        Outbound current = outbound.byRef(tenant.id(), found.ref()).orElseThrow();
        LegOutcome taken = debits.take(tenant, current, DebitSteps.request(current, Optional.empty()), leg.leg());
        CompletedBody answer = decided(tenant, current, fence.get(), leg.leg(), taken);
        if (answer.debitPending()) {
            log.release(tenant.id(), Direction.OUTBOUND, found.ref(), fence.get());
        }
    }

    /** Moves the transfer on as the debit's outcome says; the channel's webhook hears of it once it left DEBIT_PENDING. */
    private CompletedBody decided(Tenant tenant, Outbound current, Fence fence, Leg mode, LegOutcome known) {
        try {
            return decisions.decide(tenant, current, fence, mode, known);
        } finally {
            tell(tenant, current);
        }
    }

    private void tell(Tenant tenant, Outbound transfer) {
        outbound.byRef(tenant.id(), transfer.ref()).filter(after -> after.transfer().state() != TransferState.DEBIT_PENDING)
            .ifPresent(after -> webhook.settled(tenant, after));
    }

    private void giveUp(Tenant tenant, Outbound found, LegRecord leg, LegOutcome.Open open) {
        Optional<Fence> fence = log.lease(tenant.id(), Direction.OUTBOUND, found.ref(), TransferState.DEBIT_PENDING, policy.lease());
        if (fence.isEmpty()) {
            return;
        }
        String detail = "the customer's " + DebitSteps.operation(leg.leg()) + " (" + leg.key() + ") is still " + leg.state()
            + " after the quote's expiry and grace (" + open.reason() + "): an operator must check the CBS and resolve it";
        var change = new StateChange(TransferState.DEBIT_PENDING, TransferState.RECONCILE, Optional.empty(), leg.cbsReference(), detail,
            Optional.empty(), Optional.of(open.reason()), 0, Optional.empty(), fence);
        log.change(tenant.id(), Direction.OUTBOUND, found.ref(), change).ifPresent(t -> {
            legs.later(leg, open.reason(), Optional.empty());
            tell(tenant, found);
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": transfer " + found.ref() + " flagged RECONCILE: " + detail);
        });
    }
}
