package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.MoneyContexts;
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

    private final CoreBanking banks;
    private final TransferLog log;
    private final TransferMetrics metrics;
    private final TransferPolicy policy;
    private final Clock clock;

    public CreditSteps(CoreBanking banks, TransferLog log, TransferMetrics metrics, TransferPolicy policy, Clock clock) {
        this.banks = banks;
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

    private static StoredAnswer answer(Transfer transfer, TransferState state) {
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
        CreditRequest request = credit(tenant, transfer).forLeg(leg, transfer.attempts() + 1);
        String failure;
        try {
            switch (banks.call(tenant, operation, adapter -> call.apply(adapter, request))) {
                case Outcome.Done<Receipt> done -> {
                    var change = StateChange.of(transfer.state(), target, Optional.of(done.value().cbsReference()),
                        operation + " confirmed by the CBS", answer);
                    Optional<Transfer> after = log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change.fenced(fence));
                    after.ifPresent(t -> metrics.outcome(tenant.id(), Direction.INBOUND, target));
                    return after;
                }
                case Outcome.Failed<Receipt> failed -> failure = failed.kind() + ": " + failed.message();
                case Outcome.Pending<Receipt> pending -> failure = "PENDING: the CBS has not confirmed (" + pending.cbsReference() + ")";
            }
        } catch (GatewayException e) {
            failure = e.code().code() + ": " + e.getMessage();
        }
        return unconfirmed(tenant, transfer, fence, target, operation, failure, answer);
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
