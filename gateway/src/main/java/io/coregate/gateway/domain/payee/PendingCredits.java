package io.coregate.gateway.domain.payee;

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
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.Leg;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The background settler of the payee side's open money legs, each resolved by the CBS's status (stored callbacks
 * included); a leg the CBS has not got PENDING and cannot report on is sent again under its key (the adapter books it
 * at most once), a PENDING one never: a COMMITTING transfer's credit, once known, makes it COMMITTED (or
 * RECONCILE for the retry job when the CBS refused it); a credit still open at its {@link PendingDeadline} goes to
 * RECONCILE for an operator. A reservation that was not answered when
 * the transfer was refused is released once the CBS shows it was made. Run from one scheduler thread; safe on several
 * replicas (moving a transfer takes its lease).
 */
public final class PendingCredits {

    private static final System.Logger LOG = System.getLogger(PendingCredits.class.getName());
    private static final int BATCH = 50;

    private final MoneyLegs legs;
    private final LegLog legLog;
    private final CreditSteps steps;
    private final TransferLog log;
    private final TransferPolicy policy;
    private final Clock clock;
    private final Function<TenantId, Optional<Tenant>> tenants;

    public PendingCredits(MoneyLegs legs, CreditSteps steps, TransferLog log, TransferPolicy policy, Clock clock,
                          Function<TenantId, Optional<Tenant>> tenants) {
        this.legs = legs;
        this.legLog = legs.log();
        this.steps = steps;
        this.log = log;
        this.policy = policy;
        this.clock = clock;
        this.tenants = tenants;
    }

    /** One pass over the due open legs. */
    public void runOnce() {
        for (LegRecord leg : legLog.due(Direction.INBOUND, clock.instant(), BATCH)) {
            Optional<Tenant> tenant = tenants.apply(leg.tenant());
            Optional<Transfer> transfer = log.find(leg.tenant(), Direction.INBOUND, leg.transferId());
            if (tenant.isEmpty() || transfer.isEmpty()) {
                legs.later(leg, "tenant " + leg.tenant() + " is not enabled", Optional.of(clock.instant().plus(policy.retryMax())));
                continue;
            }
            settle(tenant.get(), transfer.get(), leg);
        }
    }

    private void settle(Tenant tenant, Transfer transfer, LegRecord leg) {
        LegOutcome known = legs.check(tenant, leg);
        Instant deadline = PendingDeadline.of(tenant, transfer, leg, policy);
        boolean late = !clock.instant().isBefore(deadline);
        if (known instanceof LegOutcome.Open open) {
            if (leg.leg() == Leg.COMMIT && transfer.state() == TransferState.COMMITTING && late) {
                giveUp(tenant, transfer, leg, open);
            } else if (leg.leg() == Leg.COMMIT && transfer.state() == TransferState.COMMITTING && leg.state() != LegState.PENDING) {
                // Unanswered, and the CBS cannot say whether it booked: send it again under the same key (attempt + 1),
                // which the adapter must book at most once (it looks up its earlier request on a retry).
                lease(tenant, transfer, TransferState.COMMITTING).ifPresent(fence -> steps.commit(tenant, transfer, fence));
            } else {
                legs.later(leg, open.reason(), late && transfer.state().isFinal() ? Optional.empty()
                    : Optional.of(PendingDeadline.nextCheck(leg, policy, clock.instant())));
            }
            return;
        }
        if (leg.leg() == Leg.COMMIT && transfer.state() == TransferState.COMMITTING) {
            lease(tenant, transfer, TransferState.COMMITTING).ifPresent(fence -> steps.resume(tenant, transfer, fence, known)
                .ifPresent(t -> LOG.log(System.Logger.Level.INFO, "tenant " + t.tenant() + ": transfer " + t.transferId()
                    + " credit settled: " + t.state())));
        } else if (leg.leg() == Leg.RESERVE && transfer.state() == TransferState.ABORTED && known instanceof LegOutcome.Booked) {
            // The hub was told no while the reservation was unanswered; the CBS made it after all: give it back.
            var credit = CreditSteps.credit(tenant, transfer);
            LegOutcome released = legs.run(tenant, Direction.INBOUND, transfer.transferId(), transfer.transferId(), Leg.RELEASE, "releaseCredit",
                key -> adapter -> adapter.releaseCredit(credit.forLeg(Leg.RELEASE, key.attempt())));
            LOG.log(System.Logger.Level.INFO, "tenant " + tenant.id() + ": late reservation of aborted transfer " + transfer.transferId()
                + " released: " + released);
        }
    }

    private Optional<Fence> lease(Tenant tenant, Transfer transfer, TransferState state) {
        return log.lease(tenant.id(), Direction.INBOUND, transfer.transferId(), state,
            policy.leaseCovering(tenant.document().cbs().longestTimeout(), CreditSteps.CALLS));
    }

    private void giveUp(Tenant tenant, Transfer transfer, LegRecord leg, LegOutcome.Open open) {
        Optional<Fence> fence = lease(tenant, transfer, TransferState.COMMITTING);
        if (fence.isEmpty()) {
            return;
        }
        String detail = "the credit (" + leg.key() + ") is still " + leg.state() + " after the quote's expiry and grace (" + open.reason()
            + "): an operator must check the CBS and resolve it";
        var change = new StateChange(TransferState.COMMITTING, TransferState.RECONCILE, Optional.of(TransferState.COMMITTED),
            transfer.cbsReference(), detail, Optional.empty(), Optional.of(open.reason()), transfer.attempts(), Optional.empty(), fence);
        log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change).ifPresent(t -> {
            legs.later(leg, open.reason(), Optional.empty());
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": transfer " + t.transferId() + " flagged RECONCILE: " + detail);
        });
    }
}
