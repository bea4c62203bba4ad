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
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The channels' {@code PUT /{tenant}/send-money/{transferId}} and {@code PUT .../merchant-payment/{transferId}}. One
 * request at a time takes the QUOTED transfer's lease; repeats wait for it and replay its answer.
 * {@code acceptQuote=false}: the connector is told, the reservation voided, ABORTED, 500 4101. {@code true}: an expired
 * quote is rejected the same way (3302); else the transfer moves to DEBIT_PENDING (written before the CBS is called)
 * and the customer is debited (or held, the mode chosen once here); what follows is {@link DebitDecisions}': a
 * refusal (insufficient funds: 4100, never 4001) rejects the quote at the connector, voids, ABORTED; a debit the CBS
 * answers pending, or does not answer, is answered {@code 202 DEBIT_PENDING} and finished by {@link PendingDebits};
 * a booked debit sends the accept once: see {@link Settlement} for what its outcome does. Thread-safe.
 */
public final class AcceptService {

    /**
     * The CBS calls an accept's lease covers besides the connector's waits: the debit (or hold), a status read when it
     * was not answered, and its give-back.
     */
    private static final int DEBIT_CALLS = 3;

    private final OutboundLog outbound;
    private final TransferLog log;
    private final Connector connector;
    private final DebitSteps debits;
    private final DebitDecisions decisions;
    private final TransferMetrics metrics;
    private final Duration lease;
    private final Clock clock;

    public AcceptService(Connector connector, DebitSteps debits, DebitDecisions decisions, OutboundLog outbound, TransferLog log,
                         TransferMetrics metrics, Duration lease, Clock clock) {
        this.outbound = outbound;
        this.log = log;
        this.connector = connector;
        this.debits = debits;
        this.metrics = metrics;
        this.lease = lease;
        this.clock = clock;
        this.decisions = decisions;
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
            boolean busy = found.transfer().state() == TransferState.QUOTED || found.transfer().state() == TransferState.DEBITED
                || found.transfer().state() == TransferState.DEBIT_PENDING && !log.leaseFree(tenant.id(), Direction.OUTBOUND, found.ref());
            if (!busy) {
                // A DEBIT_PENDING transfer whose lease was free may have moved on since it was read: answer only from a
                // fresh read that still shows it pending.
                Outbound now = found.transfer().state() != TransferState.DEBIT_PENDING ? found
                    : outbound.byRef(tenant.id(), found.ref()).orElseThrow();
                if (now.transfer().state() == found.transfer().state()) {
                    return now.transfer().answer().replay(CompletedBody.class);
                }
                continue;
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
        String id = found.mojaloopTransferId().orElseThrow();
        if (found.transfer().expiresAt().filter(at -> at.isBefore(clock.instant())).isPresent()) {
            connector.acceptQuote(tenant, id, false);
            String message = "the quote of transfer " + id + " expired; nothing was debited";
            abort(tenant, found, fence, ErrorCode.QUOTE_EXPIRED, message, message);
            throw new GatewayException(ErrorCode.QUOTE_EXPIRED, message);
        }
        Leg mode = debits.choose(tenant);
        DebitRequest request = DebitSteps.request(found, Optional.empty());
        var intent = StateChange.of(TransferState.QUOTED, TransferState.DEBIT_PENDING, Optional.empty(), "taking " + request.amount()
                + " from the customer: " + DebitSteps.operation(mode) + " under key " + LegKey.first(id, mode).value(),
            StoredAnswer.of(CompletedBody.debitPending(id, found.transfer())));
        Outbound pending;
        try {
            // The lease is kept: a repeated accept waits for this request's debit instead of answering 202 at once.
            log.change(tenant.id(), Direction.OUTBOUND, found.ref(), intent.fenced(fence).keepingLease())
                .orElseThrow(() -> new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + id + " is being processed; ask again"));
            pending = outbound.byRef(tenant.id(), found.ref()).orElseThrow();
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.SERVER_BUSY) {
                throw e;
            }
            connector.acceptQuote(tenant, id, false);
            abort(tenant, found, fence, e.code(), e.getMessage(), e.getMessage() + "; nothing was debited");
            throw e;
        }
        var answer = decisions.decide(tenant, pending, fence, mode, debits.take(tenant, pending, request, mode));
        if (answer.debitPending()) {
            log.release(tenant.id(), Direction.OUTBOUND, found.ref(), fence);
        }
        return answer;
    }

    private void abort(Tenant tenant, Outbound found, Fence fence, ErrorCode code, String message, String detail) {
        var change = StateChange.of(TransferState.QUOTED, TransferState.ABORTED, Optional.empty(), detail, StoredAnswer.refused(code, message))
            .fenced(fence);
        log.change(tenant.id(), Direction.OUTBOUND, found.ref(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.ABORTED));
    }
}
