package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferIds;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferResponseBody;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;

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

    private final CoreBanking banks;
    private final TransferLog log;
    private final QuoteBook quotes;
    private final TransferMetrics metrics;
    private final Clock clock;
    private final Leases leases;

    public PayeeTransferService(CoreBanking banks, TransferLog log, QuoteBook quotes, TransferMetrics metrics, Leases leases,
                                Clock clock) {
        this.banks = banks;
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
        Outcome<Receipt> outcome;
        try {
            outcome = banks.call(tenant, "reserveCredit", adapter -> adapter.reserveCredit(
                CreditSteps.credit(tenant, transfer).forLeg(Leg.RESERVE, (int) Math.min(Integer.MAX_VALUE, fence.generation()))));
        } catch (GatewayException e) {
            outcome = Outcome.failed(FailureKind.UNAVAILABLE, e.getMessage());
        }
        if (outcome instanceof Outcome.Done<Receipt> done) {
            var answer = new TransferResponseBody(transfer.homeTransactionId(), TransferState.RESERVED.publicName());
            var change = StateChange.of(TransferState.RECEIVED, TransferState.RESERVED, Optional.of(done.value().cbsReference()),
                "credit of " + MojaloopAmount.format(transfer.receiveAmount()) + " " + transfer.currency() + " reserved",
                StoredAnswer.of(answer));
            if (log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change.fenced(fence)).isEmpty()) {
                return fencedOut(tenant, transfer);
            }
            metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.RESERVED);
            return answer;
        }
        ErrorCode code = outcome instanceof Outcome.Failed<Receipt> failed ? FailureCodes.of(failed.kind(), Side.PAYEE)
            : ErrorCode.SERVICE_UNAVAILABLE;
        String message = "the CBS refused the reservation: " + (outcome instanceof Outcome.Failed<Receipt> failed ? failed.message()
            : "it did not answer synchronously");
        releaseQuietly(tenant, transfer);
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

    /** Releases whatever the CBS may have earmarked; the adapter contract makes this safe when nothing was. */
    private void releaseQuietly(Tenant tenant, Transfer transfer) {
        try {
            var released = banks.call(tenant, "releaseCredit", adapter -> adapter.releaseCredit(
                CreditSteps.credit(tenant, transfer).forLeg(Leg.RELEASE, 1)));
            if (released instanceof Outcome.Failed<Receipt> failed) {
                LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": release after a failed reservation of transfer "
                    + transfer.transferId() + " failed: " + failed.message());
            }
        } catch (GatewayException e) {
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": release after a failed reservation of transfer "
                + transfer.transferId() + " failed: " + e.getMessage());
        }
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
