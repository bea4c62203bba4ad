package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The channels' {@code PUT /{tenant}/send-money/{transferId}} and {@code PUT .../merchant-payment/{transferId}}. One
 * request at a time takes the QUOTED transfer's lease; repeats wait for it and replay its answer.
 * {@code acceptQuote=false}: the connector is told, the reservation voided, ABORTED, 500 4101. {@code true}: an expired
 * quote is rejected the same way (3302); else the customer is debited (or held) first; a refusal (insufficient funds:
 * 4100, never 4001) rejects the quote at the connector, voids, ABORTED. Then the accept is sent once: see
 * {@link Settlement} for what its outcome does. Thread-safe.
 */
public final class AcceptService {

    /** The CBS calls an accept's lease covers besides the connector's waits: the debit (or hold) and its give-back. */
    private static final int DEBIT_CALLS = 2;

    private final OutboundLog outbound;
    private final TransferLog log;
    private final Connector connector;
    private final DebitSteps debits;
    private final Settlement settlement;
    private final TransferMetrics metrics;
    private final Duration lease;
    private final Clock clock;

    public AcceptService(Connector connector, DebitSteps debits, Settlement settlement, OutboundLog outbound, TransferLog log,
                         TransferMetrics metrics, Duration lease, Clock clock) {
        this.outbound = outbound;
        this.log = log;
        this.connector = connector;
        this.debits = debits;
        this.metrics = metrics;
        this.lease = lease;
        this.clock = clock;
        this.settlement = settlement;
    }

    /**
     * Answers a quote.
     *
     * @param request the validated accept (the path's transfer id and the body)
     * @param send    true for {@code send-money}, false for {@code merchant-payment}
     * @return the completed transfer
     * @throws GatewayException 3100 bad input, 3208 unknown transfer, 500 4101 when the payer rejected, the customer's
     *                          refusal (4100, 4200, ...), the hub's or payee's error, 2004 when the outcome is not known yet
     */
    public CompletedBody accept(Tenant tenant, AcceptRequest request, boolean send) {
        String transferId = request.transferId();
        Duration held = lease.plus(tenant.document().cbs().longestTimeout().multipliedBy(DEBIT_CALLS));
        long deadline = System.nanoTime() + held.plusSeconds(1).toNanos();
        while (true) {
            Outbound found = outbound.byMojaloopId(tenant.id(), transferId)
                .filter(o -> o.transfer().amountType().equals(send ? "SEND" : "RECEIVE"))
                .orElseThrow(() -> PayerService.unknown(transferId));
            if (!found.transfer().homeTransactionId().equals(request.homeTransactionId())) {
                throw new GatewayException(ErrorCode.VALIDATION, "homeTransactionId does not match transfer " + transferId);
            }
            Optional<Fence> fence = found.transfer().state() == TransferState.QUOTED
                ? log.lease(tenant.id(), Direction.OUTBOUND, found.ref(), TransferState.QUOTED, held) : Optional.empty();
            if (fence.isPresent()) {
                return request.acceptQuote() ? pay(tenant, found, fence.get()) : reject(tenant, found, fence.get());
            }
            if (found.transfer().state() != TransferState.QUOTED && found.transfer().state() != TransferState.DEBITED) {
                return found.transfer().answer().replay(CompletedBody.class);
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + transferId + " is still being processed; try again");
            }
            Waits.pause();
        }
    }

    private CompletedBody reject(Tenant tenant, Outbound found, Fence fence) {
        connector.acceptQuote(tenant, found.mojaloopTransferId().orElseThrow(), false);
        String message = ErrorCode.PAYER_REJECTED_REQUEST.title();
        abort(tenant, found, fence, ErrorCode.PAYER_REJECTED_REQUEST, message, "the payer rejected the quote");
        throw new GatewayException(ErrorCode.PAYER_REJECTED_REQUEST, message);
    }

    private CompletedBody pay(Tenant tenant, Outbound found, Fence fence) {
        if (found.transfer().expiresAt().filter(at -> at.isBefore(clock.instant())).isPresent()) {
            connector.acceptQuote(tenant, found.mojaloopTransferId().orElseThrow(), false);
            String message = "the quote of transfer " + found.mojaloopTransferId().orElseThrow() + " expired; nothing was debited";
            abort(tenant, found, fence, ErrorCode.QUOTE_EXPIRED, message, message);
            throw new GatewayException(ErrorCode.QUOTE_EXPIRED, message);
        }
        boolean hold = debits.holds(tenant);
        DebitRequest request = DebitSteps.request(found, Optional.empty());
        Outcome<Receipt> taken = debits.take(tenant, request, hold);
        if (!(taken instanceof Outcome.Done<Receipt> done)) {
            return refused(tenant, found, fence, request, hold, taken);
        }
        String reference = done.value().cbsReference();
        var debited = StateChange.of(TransferState.QUOTED, TransferState.DEBITED, Optional.of(reference),
            (hold ? "hold" : "debit") + " of " + request.amount() + " confirmed; accept sent", StoredAnswer.refused(ErrorCode.SERVER_BUSY,
                "transfer " + found.mojaloopTransferId().orElseThrow() + " is being accepted"));
        try {
            log.change(tenant.id(), Direction.OUTBOUND, found.ref(), debited.fenced(fence)).orElseThrow(() -> new GatewayException(
                ErrorCode.INTERNAL, "transfer " + found.ref() + " left QUOTED, or was taken over, while its lease was held"));
        } catch (GatewayException e) {
            connector.acceptQuote(tenant, found.mojaloopTransferId().orElseThrow(), false);
            Optional<String> failure = debits.giveBack(tenant, DebitSteps.request(found, Optional.of(reference)), hold);
            settlement.failedBeforeAccept(tenant, found, fence, e.code(), e.getMessage(), failure);
            throw new GatewayException(e.code(), e.getMessage());
        }
        var accepted = connector.acceptQuote(tenant, found.mojaloopTransferId().orElseThrow(), true);
        Outbound after = outbound.byRef(tenant.id(), found.ref()).orElseThrow();
        return settlement.settle(tenant, after, accepted, DebitSteps.request(after, Optional.of(reference)), hold, Optional.empty());
    }

    private CompletedBody refused(Tenant tenant, Outbound found, Fence fence, DebitRequest request, boolean hold, Outcome<Receipt> taken) {
        FailureKind kind = taken instanceof Outcome.Failed<Receipt> failed ? failed.kind() : FailureKind.TIMEOUT;
        String why = taken instanceof Outcome.Failed<Receipt> failed ? failed.message() : "the CBS did not confirm the debit";
        ErrorCode code = FailureCodes.of(kind, Side.PAYER);
        connector.acceptQuote(tenant, found.mojaloopTransferId().orElseThrow(), false);
        String message = "the customer's account was not debited: " + why;
        Optional<String> failure = kind == FailureKind.TIMEOUT || kind == FailureKind.UNAVAILABLE
            ? debits.giveBack(tenant, request, hold) : Optional.empty();
        settlement.failedBeforeAccept(tenant, found, fence, code, message, failure);
        throw new GatewayException(code, message);
    }

    private void abort(Tenant tenant, Outbound found, Fence fence, ErrorCode code, String message, String detail) {
        var change = StateChange.of(TransferState.QUOTED, TransferState.ABORTED, Optional.empty(), detail, StoredAnswer.refused(code, message))
            .fenced(fence);
        log.change(tenant.id(), Direction.OUTBOUND, found.ref(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.ABORTED));
    }
}
