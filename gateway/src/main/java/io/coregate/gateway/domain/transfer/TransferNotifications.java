package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.error.StoredAnswers;
import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT /transfers/{id}}: the SDK's notification of how the hub ended a transfer. {@code currentState ==
 * COMPLETED} commits the credit; anything else releases it and answers 500 "Transfer Not Completed Error". Read
 * tolerantly (SDK 18's string {@code lastError}, {@code currentState: ABORTED}; {@code *.body} strings are parsed by
 * the http layer), but one whose embedded quote request contradicts the stored transfer is refused with 400 and
 * changes nothing. Repeats give the same answer without calling the CBS again. Thread-safe.
 */
public final class TransferNotifications {

    private final TransferLog log;
    private final CreditSteps steps;
    private final Leases leases;
    private final TransferPolicy policy;

    public TransferNotifications(CoreBanking banks, TransferLog log, TransferMetrics metrics, TransferPolicy policy, Clock clock) {
        this.log = log;
        this.policy = policy;
        this.steps = new CreditSteps(banks, log, metrics, policy, clock);
        this.leases = new Leases(log, policy);
    }

    /**
     * Applies a notification.
     *
     * @return the 200 answer for a committed (or committing) transfer
     * @throws GatewayException 5000 "Transfer Not Completed Error" (500) for an aborted one, 3100 for a contradiction,
     *                          3208 for an unknown transfer
     */
    public Map<String, Object> notify(Tenant tenant, String transferId, Map<String, Object> body) {
        Fields.checkId("transferId", transferId);
        Transfer transfer = leases.settled(tenant, transferId, TransferState.RECEIVED);
        checkConsistent(transfer, body);
        boolean completed = "COMPLETED".equals(body.get("currentState"));
        if (body.get("currentState") != null && !(body.get("currentState") instanceof String)) {
            throw new GatewayException(ErrorCode.VALIDATION, "currentState must be a string");
        }
        while (true) {
            if (transfer.state() == TransferState.RECEIVED) {
                throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + transferId + " has not been reserved yet");
            }
            if (transfer.state() != TransferState.RESERVED) {
                return StoredAnswers.replay(transfer.answer());
            }
            if (log.lease(tenant.id(), Direction.INBOUND, transferId, TransferState.RESERVED, policy.lease())) {
                Optional<Transfer> after = completed ? steps.commit(tenant, transfer) : steps.release(tenant, transfer);
                Transfer done = after.orElseGet(() -> log.find(tenant.id(), Direction.INBOUND, transferId).orElseThrow());
                return StoredAnswers.replay(done.answer());
            }
            // Another request holds the lease: wait until it has finished (a RESERVED transfer never goes back to RECEIVED).
            transfer = leases.settled(tenant, transferId, TransferState.RESERVED);
        }
    }

    private static void checkConsistent(Transfer transfer, Map<String, Object> body) {
        Optional<Map<String, Object>> fspiop = Fields.optionalObject(body, "quoteRequest").flatMap(q -> Fields.optionalObject(q, "body"));
        Optional<Map<String, Object>> quote = Fields.optionalObject(body, "quote");
        Optional<Map<String, Object>> request = quote.flatMap(q -> Fields.optionalObject(q, "request"));
        Optional<Map<String, Object>> internal = quote.flatMap(q -> Fields.optionalObject(q, "internalRequest"));
        for (var candidate : new Optional[] {fspiop, request}) {
            @SuppressWarnings("unchecked")
            Optional<Map<String, Object>> quoteRequest = (Optional<Map<String, Object>>) candidate;
            quoteRequest.flatMap(q -> Fields.optionalObject(q, "amount")).map(a -> a.get("currency"))
                .ifPresent(c -> same("quoteRequest.body.amount.currency", c, transfer.currency()));
            quoteRequest.flatMap(q -> Fields.optionalObject(q, "payee")).flatMap(p -> Fields.optionalObject(p, "partyIdInfo"))
                .map(i -> i.get("partyIdType"))
                .ifPresent(t -> same("quoteRequest.body.payee.partyIdInfo.partyIdType", t, transfer.payee().get("idType")));
        }
        internal.map(i -> i.get("currency")).ifPresent(c -> same("quote.internalRequest.currency", c, transfer.currency()));
        internal.flatMap(i -> Fields.optionalObject(i, "to")).map(t -> t.get("idType"))
            .ifPresent(t -> same("quote.internalRequest.to.idType", t, transfer.payee().get("idType")));
    }

    private static void same(String field, Object sent, Object stored) {
        if (!String.valueOf(sent).equals(String.valueOf(stored))) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + sent + "' contradicts the transfer's '" + stored + "'");
        }
    }
}
