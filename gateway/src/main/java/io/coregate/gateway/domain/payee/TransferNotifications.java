package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Fence;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferIds;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.Optional;

/**
 * {@code PUT /transfers/{id}}: the SDK's notification of how the hub ended a transfer. {@code currentState ==
 * COMPLETED} commits the credit; anything else releases it and answers 500 "Transfer Not Completed Error". Read
 * tolerantly (SDK 18's string {@code lastError}, {@code currentState: ABORTED}; {@code *.body} strings are parsed by
 * the http layer), but one whose embedded quote request contradicts the stored transfer is refused with 400 and
 * changes nothing. Repeats give the same answer without calling the CBS again. A tenant with {@code sdk.confirmCompletion}
 * has each COMPLETED notification of a reserved transfer confirmed with its Connector first ({@link CompletionCheck}),
 * so a forged one moves no money. Thread-safe.
 */
public final class TransferNotifications {

    private final TransferLog log;
    private final CreditSteps steps;
    private final Leases leases;
    private final CompletionCheck completions;

    public TransferNotifications(CreditSteps steps, TransferLog log, Leases leases, CompletionCheck completions) {
        this.log = log;
        this.steps = steps;
        this.leases = leases;
        this.completions = completions;
    }

    /**
     * Applies a notification.
     *
     * @throws GatewayException 5000 "Transfer Not Completed Error" (500) for an aborted one, 3100 for a contradiction,
     *                          3208 for an unknown transfer
     */
    public void notify(Tenant tenant, String transferId, NotificationBody body) {
        TransferIds.check("transferId", transferId);
        Transfer transfer = leases.settled(tenant, transferId, TransferState.RECEIVED);
        checkConsistent(transfer, body);
        if (body.completed() && transfer.state() == TransferState.RESERVED && tenant.document().sdk().confirmCompletion()) {
            confirmed(tenant, transferId);
        }
        while (true) {
            if (transfer.state() == TransferState.RECEIVED) {
                throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + transferId + " has not been reserved yet");
            }
            if (transfer.state() != TransferState.RESERVED) {
                transfer.answer().replay(Object.class);
                return;
            }
            Optional<Fence> fence = log.lease(tenant.id(), Direction.INBOUND, transferId, TransferState.RESERVED,
                leases.covering(tenant, CreditSteps.CALLS));
            if (fence.isPresent()) {
                Optional<Transfer> after = body.completed() ? steps.commit(tenant, transfer, fence.get())
                    : steps.release(tenant, transfer, fence.get());
                Transfer done = after.orElseGet(() -> leases.settled(tenant, transferId, TransferState.RESERVED));
                done.answer().replay(Object.class);
                return;
            }
            // Another request holds the lease: wait until it has finished (a RESERVED transfer never goes back to RECEIVED).
            transfer = leases.settled(tenant, transferId, TransferState.RESERVED);
        }
    }

    /** With {@code sdk.confirmCompletion}: the Connector must confirm the hub committed the transfer, else nothing moves. */
    private void confirmed(Tenant tenant, String transferId) {
        var confirmation = completions.confirm(tenant, transferId);
        switch (confirmation.verdict()) {
            case CONFIRMED -> {
            }
            case DENIED -> throw new GatewayException(ErrorCode.VALIDATION, "the Mojaloop Connector does not confirm transfer "
                + transferId + " as committed (" + confirmation.reason() + "); nothing was credited");
            case UNKNOWN -> throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "the Mojaloop Connector could not confirm transfer "
                + transferId + " yet (" + confirmation.reason() + "); nothing was credited, send the notification again");
        }
    }

    private static void checkConsistent(Transfer transfer, NotificationBody body) {
        for (NotificationBody.Claim claim : body.claims()) {
            String stored = switch (claim.fact()) {
                case CURRENCY -> transfer.currency();
                case PAYEE_ID_TYPE -> transfer.payee().idType();
            };
            same(claim.field(), claim.value(), stored);
        }
    }

    private static void same(String field, String sent, String stored) {
        if (!sent.equals(stored)) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " '" + sent + "' contradicts the transfer's '" + stored + "'");
        }
    }
}
