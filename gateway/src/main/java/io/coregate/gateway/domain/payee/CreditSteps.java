package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.MoneyContexts;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.LegOutcome;
import io.coregate.gateway.domain.transfer.LegRecord;
import io.coregate.gateway.domain.transfer.LegState;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferResponseBody;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The payee side's CBS money steps on a leased transfer: commit or release the credit and record the result. A step
 * the CBS does not confirm moves the transfer to RECONCILE with the intended final state, for the retry job. Every
 * write is fenced by the caller's lease: a caller whose lease ran out and was taken over writes nothing. Shared by
 * the notification handler and the reconciliation job. Thread-safe.
 */
public final class CreditSteps {

    /** The CBS calls a credit step makes under its lease. */
    static final int CALLS = 1;

    private final MoneyLegs legs;
    private final LegLog legLog;
    private final TransferLog log;
    private final TransferMetrics metrics;
    private final TransferPolicy policy;
    private final Clock clock;

    public CreditSteps(MoneyLegs legs, TransferLog log, TransferMetrics metrics, TransferPolicy policy, Clock clock) {
        this.legs = legs;
        this.legLog = legs.log();
        this.log = log;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The credit the adapter is asked for: what the payee (resolved at the quote, never looked up again) receives,
     * with the transfer's context; {@link CreditRequest#forLeg} names the leg and attempt.
     */
    static CreditRequest credit(Tenant tenant, Transfer transfer) {
        Party payee = transfer.payee().party(transfer.currency());
        Money amount = new Money(transfer.receiveAmount(), transfer.currency());
        return new CreditRequest(transfer.transferId(), payee, amount, transfer.cbsReference(),
            Optional.of(LegKey.first(transfer.transferId(), Leg.COMMIT)), MoneyContexts.inbound(transfer, tenant.document().dfspId(), payee));
    }

    static StoredAnswer answer(Transfer transfer, TransferState state) {
        return StoredAnswer.of(new TransferResponseBody(transfer.homeTransactionId(), state.publicName()));
    }

    /** Credits the payee (the hub committed) and records COMMITTED, or RECONCILE when the CBS did not confirm. */
    Optional<Transfer> commit(Tenant tenant, Transfer transfer, Fence fence) {
        return step(tenant, transfer, fence, TransferState.COMMITTED, Leg.COMMIT, CoreBankingAdapter::commitCredit,
            answer(transfer, TransferState.COMMITTED));
    }

    /** Releases the reservation (the hub aborted) and records ABORTED, or RECONCILE when the CBS did not confirm. */
    Optional<Transfer> release(Tenant tenant, Transfer transfer, Fence fence) {
        return step(tenant, transfer, fence, TransferState.ABORTED, Leg.RELEASE, CoreBankingAdapter::releaseCredit,
            StoredAnswer.NOT_COMPLETED);
    }

    private Optional<Transfer> step(Tenant tenant, Transfer transfer, Fence fence, TransferState target, Leg leg,
                                    BiFunction<CoreBankingAdapter, CreditRequest, Outcome<Receipt>> call, StoredAnswer answer) {
        String operation = leg == Leg.COMMIT ? "commitCredit" : "releaseCredit";
        CreditRequest request = credit(tenant, transfer);
        if (leg == Leg.RELEASE) {
            Optional<Transfer> nothingHeld = releaseWithoutReservation(tenant, transfer, fence);
            if (nothingHeld.isPresent()) {
                return nothingHeld;
            }
        }
        LegOutcome outcome = legs.run(tenant, Direction.INBOUND, transfer.transferId(), transfer.transferId(), leg, operation,
            key -> adapter -> call.apply(adapter, request.forLeg(leg, key.attempt())));
        return switch (outcome) {
            case LegOutcome.Booked booked -> settled(tenant, transfer, fence, target, booked.cbsReference(), operation + " confirmed by the CBS",
                answer);
            case LegOutcome.Refused refused -> unconfirmed(tenant, transfer, fence, target, operation, refused.kind() + ": " + refused.message(),
                answer);
            case LegOutcome.Open open when leg == Leg.COMMIT -> committing(tenant, transfer, fence, open);
            case LegOutcome.Open open -> unconfirmed(tenant, transfer, fence, target, operation, open.state() + ": " + open.reason(), answer);
        };
    }

    /**
     * Finishes a COMMITTING transfer whose credit the settling job found booked or refused: COMMITTED, or RECONCILE
     * with the retry job re-sending the credit under its key.
     */
    Optional<Transfer> resume(Tenant tenant, Transfer transfer, Fence fence, LegOutcome known) {
        return switch (known) {
            case LegOutcome.Booked booked -> settled(tenant, transfer, fence, TransferState.COMMITTED, booked.cbsReference(),
                "commitCredit confirmed by the CBS after it was pending", answer(transfer, TransferState.COMMITTED));
            case LegOutcome.Refused refused -> unconfirmed(tenant, transfer, fence, TransferState.COMMITTED, "commitCredit",
                refused.kind() + ": " + refused.message(), answer(transfer, TransferState.COMMITTED));
            case LegOutcome.Open open -> Optional.empty();
        };
    }

    /** Records the settled step: the transfer reaches {@code target}. */
    Optional<Transfer> settled(Tenant tenant, Transfer transfer, Fence fence, TransferState target, String cbsReference, String detail,
                               StoredAnswer answer) {
        var change = StateChange.of(transfer.state(), target, Optional.of(cbsReference), detail, answer);
        Optional<Transfer> after = log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change.fenced(fence));
        after.ifPresent(t -> metrics.outcome(tenant.id(), Direction.INBOUND, target));
        return after;
    }

    /** The hub committed but the CBS has not confirmed the credit yet: COMMITTING, finished by {@link PendingCredits}. */
    private Optional<Transfer> committing(Tenant tenant, Transfer transfer, Fence fence, LegOutcome.Open open) {
        if (transfer.state() == TransferState.COMMITTING) {
            log.release(tenant.id(), Direction.INBOUND, transfer.transferId(), fence);
            return Optional.empty();
        }
        String detail = "the hub committed; the CBS has not confirmed the credit yet (" + open.state() + ": " + open.reason()
            + "): it is settled by callback or status";
        var change = new StateChange(transfer.state(), TransferState.COMMITTING, Optional.of(TransferState.COMMITTED),
            transfer.cbsReference(), detail, Optional.of(answer(transfer, TransferState.COMMITTING)), Optional.of(open.reason()),
            transfer.attempts(), Optional.empty(), Optional.of(fence));
        return log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change);
    }

    /** A release of a transfer whose reservation is known never to have been made needs no CBS call. */
    private Optional<Transfer> releaseWithoutReservation(Tenant tenant, Transfer transfer, Fence fence) {
        Optional<LegRecord> reserved = legLog.find(tenant.id(), Direction.INBOUND, transfer.transferId(), Leg.RESERVE);
        if (reserved.isEmpty() || reserved.get().state() != LegState.FAILED) {
            return Optional.empty();
        }
        return settled(tenant, transfer, fence, TransferState.ABORTED, "", "nothing to release: the reservation was never made",
            StoredAnswer.NOT_COMPLETED);
    }

    private Optional<Transfer> unconfirmed(Tenant tenant, Transfer transfer, Fence fence, TransferState target, String operation, String failure,
                                           StoredAnswer answer) {
        int attempts = transfer.attempts() + 1;
        boolean retry = attempts < policy.maxAttempts();
        var next = retry ? Optional.of(clock.instant().plus(policy.backoff(attempts))) : Optional.<java.time.Instant>empty();
        String detail = operation + " failed (attempt " + attempts + "): " + failure + (retry ? "" : "; retries exhausted, operator needed");
        if (transfer.state() == TransferState.RECONCILE) {
            log.recordRetry(tenant.id(), Direction.INBOUND, transfer.transferId(), fence, attempts, next, detail);
            return Optional.empty();
        }
        var reconcileAnswer = target == TransferState.COMMITTED ? answer(transfer, TransferState.RECONCILE) : answer;
        var change = new StateChange(transfer.state(), TransferState.RECONCILE, Optional.of(target), transfer.cbsReference(), detail,
            Optional.of(reconcileAnswer), Optional.of(failure), attempts, next, Optional.of(fence));
        Optional<Transfer> after = log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change);
        after.ifPresent(t -> metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.RECONCILE));
        return after;
    }
}
