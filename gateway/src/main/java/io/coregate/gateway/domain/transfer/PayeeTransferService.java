package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.StoredAnswers;
import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.money.MojaloopAmount;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payee side's {@code POST /transfers} and {@code GET /transfers/{id}}: the transfer is checked against its
 * stored quote, logged RECEIVED (the unique key makes concurrent duplicates wait for and replay the first), the
 * credit reserved, and the transfer logged RESERVED. Thread-safe.
 */
public final class PayeeTransferService {

    private static final System.Logger LOG = System.getLogger(PayeeTransferService.class.getName());

    private final CoreBanking banks;
    private final TransferLog log;
    private final TransferMetrics metrics;
    private final TransferPolicy policy;
    private final Clock clock;
    private final Leases leases;

    public PayeeTransferService(CoreBanking banks, TransferLog log, TransferMetrics metrics, TransferPolicy policy, Clock clock) {
        this.banks = banks;
        this.log = log;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
        this.leases = new Leases(log, policy);
    }

    /**
     * Reserves an inbound transfer.
     *
     * @return {@code {homeTransactionId, transferState: "RESERVED"}}
     * @throws GatewayException for bad input, a quote mismatch (3100), an expired quote (3302), a modified repeat
     *                          (3106), or the CBS's refusal of the reservation (mapped, payee side)
     */
    public Map<String, Object> prepare(Tenant tenant, Map<String, Object> body) {
        TransferRequests.Prepared request = TransferRequests.prepared(body);
        String hash = CanonicalHash.of(body);
        if (log.find(tenant.id(), Direction.INBOUND, request.transferId()).isEmpty()) {
            StoredQuote quote = TransferRequests.matchingQuote(tenant, request, log, clock.instant());
            Instant now = clock.instant();
            var transfer = new Transfer(tenant.id(), Direction.INBOUND, request.transferId(), UUID.randomUUID().toString(),
                TransferState.RECEIVED, Optional.empty(), Optional.of(quote.quoteId()), quote.amountType(), request.transactionType(),
                quote.currency(), quote.transferAmount(), quote.receiveAmount(), quote.payee(), request.payer(), hash, Map.of(),
                Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.of(quote.expiresAt()), now, now);
            if (log.insert(transfer, "transfer received for quote " + quote.quoteId(), policy.lease())) {
                return reserve(tenant, transfer);
            }
        }
        while (true) {
            Transfer existing = leases.settled(tenant, request.transferId(), TransferState.RECEIVED);
            if (!existing.requestHash().equals(hash)) {
                throw new GatewayException(ErrorCode.MODIFIED_REQUEST, "transfer " + request.transferId()
                    + " was already received with a different body");
            }
            if (existing.state() != TransferState.RECEIVED) {
                return StoredAnswers.replay(existing.answer());
            }
            if (log.lease(tenant.id(), Direction.INBOUND, request.transferId(), TransferState.RECEIVED, policy.lease())) {
                return reserve(tenant, existing);
            }
        }
    }

    private Map<String, Object> reserve(Tenant tenant, Transfer transfer) {
        Outcome<Receipt> outcome;
        try {
            outcome = banks.call(tenant, "reserveCredit", adapter -> adapter.reserveCredit(CreditSteps.credit(transfer)));
        } catch (GatewayException e) {
            outcome = Outcome.failed(FailureKind.UNAVAILABLE, e.getMessage());
        }
        if (outcome instanceof Outcome.Done<Receipt> done) {
            var answer = Answers.transfer(transfer.homeTransactionId(), TransferState.RESERVED);
            var change = StateChange.of(TransferState.RECEIVED, TransferState.RESERVED, Optional.of(done.value().cbsReference()),
                "credit of " + MojaloopAmount.format(transfer.receiveAmount()) + " " + transfer.currency() + " reserved", answer);
            log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change);
            metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.RESERVED);
            return answer;
        }
        ErrorCode code = outcome instanceof Outcome.Failed<Receipt> failed ? FailureCodes.of(failed.kind(), Side.PAYEE)
            : ErrorCode.SERVICE_UNAVAILABLE;
        String message = "the CBS refused the reservation: " + (outcome instanceof Outcome.Failed<Receipt> failed ? failed.message()
            : "it did not answer synchronously");
        releaseQuietly(tenant, transfer);
        var change = StateChange.of(TransferState.RECEIVED, TransferState.ABORTED, Optional.empty(), message, StoredAnswers.error(code, message));
        log.change(tenant.id(), Direction.INBOUND, transfer.transferId(), change);
        metrics.outcome(tenant.id(), Direction.INBOUND, TransferState.ABORTED);
        throw new GatewayException(code, message);
    }

    /** Releases whatever the CBS may have earmarked; the adapter contract makes this safe when nothing was. */
    private void releaseQuietly(Tenant tenant, Transfer transfer) {
        try {
            var released = banks.call(tenant, "releaseCredit", adapter -> adapter.releaseCredit(CreditSteps.credit(transfer)));
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
    public Map<String, Object> details(Tenant tenant, String transferId) {
        Fields.checkId("transferId", transferId);
        Transfer transfer = log.find(tenant.id(), Direction.INBOUND, transferId).orElseThrow(() -> unknown(transferId));
        return TransferRequests.details(tenant, transfer);
    }

    static GatewayException unknown(String transferId) {
        return new GatewayException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " is unknown");
    }
}
