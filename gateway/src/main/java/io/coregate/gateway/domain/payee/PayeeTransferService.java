package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.LegOutcome;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferIds;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferResponseBody;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.Leg;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The payee side's {@code POST /transfers} and {@code GET /transfers/{id}}: the transfer is checked against its
 * stored quote, logged RECEIVED (the unique key makes concurrent duplicates wait for and replay the first), the
 * credit reserved, and the transfer logged RESERVED. Thread-safe.
 */
public final class PayeeTransferService {

    /** The CBS calls a reservation's lease covers: reserveCredit, and releaseCredit when it is not confirmed. */
    private static final int RESERVE_CALLS = 2;

    private static final System.Logger LOG = System.getLogger(PayeeTransferService.class.getName());

    private final MoneyLegs legs;
    private final TransferLog log;
    private final QuoteBook quotes;
    private final TransferMetrics metrics;
    private final Clock clock;
    private final Leases leases;

    public PayeeTransferService(MoneyLegs legs, TransferLog log, QuoteBook quotes, TransferMetrics metrics, Leases leases,
                                Clock clock) {
        this.legs = legs;
        this.log = log;
        this.quotes = quotes;
        this.metrics = metrics;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Reserves an inbound transfer.
     *
     * @param tenant      the payee tenant
     * @param request     the checked request
     * @param requestHash its canonical hash
     * @return {@code {homeTransactionId, transferState: "RESERVED"}}
     * @throws GatewayException for a quote mismatch (3100), an expired quote (3302), a modified repeat (3106), or the
     *                          CBS's refusal of the reservation (mapped, payee side)
     */
    public TransferResponseBody prepare(Tenant tenant, TransferRequestBody request, String requestHash) {
        if (log.find(tenant.id(), Direction.INBOUND, request.transferId()).isEmpty()) {
            StoredQuote quote = TransferRequests.matchingQuote(tenant, request, quotes, clock.instant());
            Instant now = clock.instant();
            String homeTransactionId = UUID.randomUUID().toString();
            var transfer = new Transfer(tenant.id(), Direction.INBOUND, request.transferId(), homeTransactionId,
                TransferState.RECEIVED, Optional.empty(), Optional.of(quote.quoteId()), quote.amountType(), request.transactionType(),
                quote.currency(), quote.transferAmount(), quote.receiveAmount(), quote.payee(), request.payer(), requestHash,
                StoredAnswer.of(new TransferResponseBody(homeTransactionId, TransferState.RECEIVED.publicName())), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.of(quote.expiresAt()), now, now).withTransactionId(quote.transactionId());
            if (log.insert(transfer, "transfer received for quote " + quote.quoteId(), leases.covering(tenant, RESERVE_CALLS))) {
                return reserve(tenant, transfer, Fence.FIRST);
            }
        }
        while (true) {
            Transfer existing = leases.settled(tenant, request.transferId(), TransferState.RECEIVED);
            if (!existing.requestHash().equals(requestHash)) {
                throw new GatewayException(ErrorCode.MODIFIED_REQUEST, "transfer " + request.transferId()
                    + " was already received with a different body");
            }
            if (existing.state() != TransferState.RECEIVED) {
                return existing.answer().replay(TransferResponseBody.class);
            }
            Optional<Fence> fence = log.lease(tenant.id(), Direction.INBOUND, request.transferId(), TransferState.RECEIVED,
                leases.covering(tenant, RESERVE_CALLS));
            if (fence.isPresent()) {
                return reserve(tenant, existing, fence.get());
            }
        }
    }

    private TransferResponseBody reserve(Tenant tenant, Transfer transfer, Fence fence) {
        CreditRequest credit = CreditSteps.credit(tenant, transfer);
        LegOutcome outcome = legs.run(tenant, Direction.INBOUND, transfer.transferId(), transfer.transferId(), Leg.RESERVE, "reserveCredit",
            key -> adapter -> adapter.reserveCredit(credit.forLeg(Leg.RESERVE, key.attempt())));
        if (outcome instanceof LegOutcome.Booked booked) {
            var answer = new TransferResponseBody(transfer.homeTransactionId(), TransferState.RESERVED.publicName());
            var change = StateChange.of(TransferState.RECEIVED, TransferState.RESERVED, Optional.of(booked.cbsReference()),
                "credit of " + MojaloopAmount.format(transfer.receiveAmount()) + " " + transfer.currency() + " reserved",
                StoredAnswer.of(answer));
            if (log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change.fenced(fence)).isEmpty()) {
                return fencedOut(tenant, transfer);
            }
            metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.RESERVED);
            return answer;
        }
        // Refused: nothing was earmarked. Open (no answer, or pending): the hub is told no now; the settling job releases
        // the reservation if the CBS turns out to have made it.
        ErrorCode code = outcome instanceof LegOutcome.Refused refused ? FailureCodes.of(refused.kind(), Side.PAYEE)
            : ErrorCode.SERVICE_UNAVAILABLE;
        String message = "the CBS refused the reservation: " + switch (outcome) {
            case LegOutcome.Refused refused -> refused.message();
            case LegOutcome.Open open -> "it did not answer synchronously (" + open.reason() + ")";
            case LegOutcome.Booked booked -> "";
        };
        var change = StateChange.of(TransferState.RECEIVED, TransferState.ABORTED, Optional.empty(), message,
            StoredAnswer.refused(code, message));
        if (log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change.fenced(fence)).isEmpty()) {
            return fencedOut(tenant, transfer);
        }
        metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.ABORTED);
        throw new GatewayException(code, message);
    }

    /** Another caller leased the transfer after this one's lease ran out: its outcome is the one answered. */
    private TransferResponseBody fencedOut(Tenant tenant, Transfer transfer) {
        return leases.settled(tenant, transfer.transferId(), TransferState.RECEIVED).answer().replay(TransferResponseBody.class);
    }

    /**
     * The spec's {@code transferDetailsResponse}.
     *
     * @throws GatewayException 3100 for a malformed id, 3208 when unknown
     */
    public TransferDetailsBody details(Tenant tenant, String transferId) {
        TransferIds.check("transferId", transferId);
        Transfer transfer = log.find(tenant.id(), Direction.INBOUND, transferId).orElseThrow(() -> unknown(transferId));
        return TransferRequests.details(tenant, transfer);
    }

    static GatewayException unknown(String transferId) {
        return new GatewayException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " is unknown");
    }
}
