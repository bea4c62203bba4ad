package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;

import java.time.Clock;
import java.util.Optional;

/**
 * What the hub's answer to an accepted quote does (from DEBITED, or UNCERTAIN for the resolver): {@code Completed}
 * captures a hold and records COMMITTED (posting the reservation); a clear failure or abort gives the customer's money
 * back and records ABORTED (voiding it); no answer records UNCERTAIN and touches nothing. A CBS step that fails after
 * the hub decided records RECONCILE with that decision as its target, for an operator, never dropped: the ledger
 * follows the hub's decision either way. Thread-safe.
 */
public final class Settlement {

    private final TransferLog log;
    private final DebitSteps debits;
    private final TransferMetrics metrics;
    private final TransferPolicy policy;
    private final Clock clock;

    public Settlement(TransferLog log, DebitSteps debits, TransferMetrics metrics, TransferPolicy policy, Clock clock) {
        this.log = log;
        this.debits = debits;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Applies the accept's (or a status read's) outcome.
     *
     * @return the completed answer
     * @throws GatewayException the failure's code, or 2004 when the outcome is not known
     */
    CompletedBody settle(Tenant tenant, Outbound found, ConnectorOutcome outcome, DebitRequest request, Leg mode, Optional<Fence> fence) {
        TransferState from = found.transfer().state();
        String id = found.mojaloopTransferId().orElseThrow();
        switch (outcome) {
            case ConnectorOutcome.Completed completed -> {
                CompletedBody answer = CompletedBody.of(id, found.transfer(), completed.transfer());
                Optional<String> failure = debits.capture(tenant, found, request, mode);
                move(tenant, found, fence, from, TransferState.COMMITTED, failure, "the hub committed transfer " + id, StoredAnswer.of(answer));
                return answer;
            }
            case ConnectorOutcome.Failed failed -> throw failed(tenant, found, fence, request, mode, failed.code(),
                "the transfer failed: " + failed.message());
            case ConnectorOutcome.Aborted aborted -> throw failed(tenant, found, fence, request, mode, ErrorCode.PAYEE_REJECTION,
                "the transfer was aborted: " + aborted.reason());
            case ConnectorOutcome.Unknown unknown -> throw uncertain(tenant, found, fence, unknown.reason());
            case ConnectorOutcome.Quoted quoted -> throw uncertain(tenant, found, fence, "the connector still shows the quote");
        }
    }

    /**
     * The customer's money is back, was never taken, or could not be given back, before any accept was sent (from
     * QUOTED or DEBIT_PENDING): ABORTED or RECONCILE.
     */
    void failedBeforeAccept(Tenant tenant, Outbound found, Fence fence, ErrorCode code, String message, Optional<String> giveBackFailure) {
        move(tenant, found, Optional.of(fence), found.transfer().state(), TransferState.ABORTED, giveBackFailure, message,
            StoredAnswer.refused(code, message));
    }

    private GatewayException failed(Tenant tenant, Outbound found, Optional<Fence> fence, DebitRequest request, Leg mode, ErrorCode code,
                                    String message) {
        Optional<String> failure = debits.giveBack(tenant, found, request, mode);
        move(tenant, found, fence, found.transfer().state(), TransferState.ABORTED, failure, message, StoredAnswer.refused(code, message));
        return new GatewayException(code, message);
    }

    private GatewayException uncertain(Tenant tenant, Outbound found, Optional<Fence> fence, String reason) {
        String message = "the outcome of transfer " + found.mojaloopTransferId().orElseThrow() + " is not known yet (" + reason
            + "); nothing is refunded until the hub's answer is known: ask GET /transfers/{transferId} later";
        var change = new StateChange(found.transfer().state(), TransferState.UNCERTAIN, Optional.empty(), Optional.empty(), message,
            Optional.of(StoredAnswer.refused(ErrorCode.CBS_TIMEOUT, message)), Optional.of(reason), 0,
            Optional.of(clock.instant().plus(policy.backoff(1))), fence);
        log.change(tenant.id(), Direction.OUTBOUND, found.ref(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.UNCERTAIN));
        return new GatewayException(ErrorCode.CBS_TIMEOUT, message);
    }

    private void move(Tenant tenant, Outbound found, Optional<Fence> fence, TransferState from, TransferState target,
                      Optional<String> cbsFailure, String detail,
                      StoredAnswer answer) {
        StateChange plain = cbsFailure.isEmpty() ? StateChange.of(from, target, Optional.empty(), detail, answer)
            : new StateChange(from, TransferState.RECONCILE, Optional.of(target), Optional.empty(),
                detail + "; " + cbsFailure.get() + ": an operator must finish it in the CBS", Optional.of(answer), cbsFailure, 0,
                Optional.empty());
        StateChange change = fence.map(plain::fenced).orElse(plain);
        log.change(tenant.id(), Direction.OUTBOUND, found.ref(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, change.to()));
    }
}
