package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.LegOutcome;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Leg;

import java.time.Clock;
import java.util.Optional;

/**
 * What a DEBIT_PENDING transfer does once the customer's debit (or hold) is known, whether the accept saw the answer
 * or the settling job found it later: booked before the quote expired → DEBITED, the quote accepted with the
 * Connector and the hub's answer settled ({@link Settlement}); booked after it expired → given back, ABORTED (or
 * RECONCILE when the give-back is not confirmed); refused → the quote rejected with the Connector, ABORTED with the
 * ledger voided and nothing given back (nothing was taken); still open → the answer stays {@code DEBIT_PENDING}.
 * Thread-safe.
 */
public final class DebitDecisions {

    private final Connector connector;
    private final DebitSteps debits;
    private final Settlement settlement;
    private final OutboundLog outbound;
    private final TransferLog log;
    private final Clock clock;

    public DebitDecisions(Connector connector, DebitSteps debits, Settlement settlement, OutboundLog outbound, TransferLog log,
                          Clock clock) {
        this.connector = connector;
        this.debits = debits;
        this.settlement = settlement;
        this.outbound = outbound;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Moves a DEBIT_PENDING transfer on.
     *
     * @param found the transfer, DEBIT_PENDING, under {@code fence}
     * @param mode  HOLD or DEBIT: the leg that took the money
     * @return the completed answer, or the {@code DEBIT_PENDING} one while the debit is open
     * @throws GatewayException the refusal (the customer's, the hub's, an expired quote) or 2004 when the hub's answer is
     *                          not known
     */
    CompletedBody decide(Tenant tenant, Outbound found, Fence fence, Leg mode, LegOutcome taken) {
        String id = found.mojaloopTransferId().orElseThrow();
        DebitRequest request = DebitSteps.request(found, Optional.empty());
        return switch (taken) {
            case LegOutcome.Open open -> CompletedBody.debitPending(id, found.transfer());
            case LegOutcome.Refused refused -> {
                ErrorCode code = FailureCodes.of(refused.kind(), Side.PAYER);
                String message = "the customer's account was not debited: " + refused.message();
                connector.acceptQuote(tenant, id, false);
                settlement.failedBeforeAccept(tenant, found, fence, code, message, Optional.empty());
                throw new GatewayException(code, message);
            }
            case LegOutcome.Booked booked -> booked(tenant, found, fence, mode, booked.cbsReference(), request);
        };
    }

    private CompletedBody booked(Tenant tenant, Outbound found, Fence fence, Leg mode, String reference, DebitRequest request) {
        String id = found.mojaloopTransferId().orElseThrow();
        DebitRequest taken = DebitSteps.request(found, Optional.of(reference));
        if (found.transfer().expiresAt().filter(at -> at.isBefore(clock.instant())).isPresent()) {
            connector.acceptQuote(tenant, id, false);
            String message = "the customer's " + mode + " was confirmed only after the quote of transfer " + id + " expired; it was given back";
            Optional<String> failure = debits.giveBack(tenant, found, taken, mode);
            settlement.failedBeforeAccept(tenant, found, fence, ErrorCode.QUOTE_EXPIRED, message, failure);
            throw new GatewayException(ErrorCode.QUOTE_EXPIRED, message);
        }
        var debited = StateChange.of(found.transfer().state(), TransferState.DEBITED, Optional.of(reference),
            mode + " of " + request.amount() + " confirmed; accept sent", StoredAnswer.refused(ErrorCode.SERVER_BUSY,
                "transfer " + id + " is being accepted"));
        try {
            log.change(tenant.id(), Direction.OUTBOUND, found.ref(), debited.fenced(fence)).orElseThrow(() -> new GatewayException(
                ErrorCode.SERVER_BUSY, "transfer " + id + " is being processed by another request; ask again"));
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.SERVER_BUSY) {
                throw e;
            }
            connector.acceptQuote(tenant, id, false);
            Optional<String> failure = debits.giveBack(tenant, found, taken, mode);
            settlement.failedBeforeAccept(tenant, found, fence, e.code(), e.getMessage(), failure);
            throw new GatewayException(e.code(), e.getMessage());
        }
        var accepted = connector.acceptQuote(tenant, id, true);
        Outbound after = outbound.byRef(tenant.id(), found.ref()).orElseThrow();
        return settlement.settle(tenant, after, accepted, DebitSteps.request(after, Optional.of(reference)), mode, Optional.empty());
    }
}
