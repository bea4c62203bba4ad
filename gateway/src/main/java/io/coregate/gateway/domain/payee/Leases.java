package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.domain.transfer.TransferState;

import java.time.Duration;

/**
 * Waits, boundedly, while another request holds a transfer's lease for its CBS call, so that a concurrent duplicate
 * replays the first request's answer instead of calling the CBS again. Thread-safe.
 */
public final class Leases {

    private static final Duration POLL = Duration.ofMillis(20);

    /** The most CBS calls any payee step makes under one lease. */
    private static final int MOST_CALLS = 2;

    private final TransferLog log;
    private final TransferPolicy policy;

    public Leases(TransferLog log, TransferPolicy policy) {
        this.log = log;
        this.policy = policy;
    }

    /**
     * The lease for a step making {@code calls} calls to the tenant's CBS: longer than their worst case (the tenant's
     * {@code cbs.timeoutMillis} each) by the configured margin, whatever that margin is.
     */
    Duration covering(Tenant tenant, int calls) {
        return policy.leaseCovering(tenant.document().cbs().longestTimeout(), calls);
    }

    /**
     * The transfer, once it has left {@code busy} or its lease can be taken (at most the longest lease of a payee step
     * plus a second).
     *
     * @throws GatewayException 3208 when unknown, 2005 when it stays busy
     */
    Transfer settled(Tenant tenant, String transferId, TransferState busy) {
        long deadline = System.nanoTime() + covering(tenant, MOST_CALLS).plusSeconds(1).toNanos();
        while (true) {
            Transfer transfer = log.find(tenant.id(), Direction.INBOUND, transferId)
                .orElseThrow(() -> PayeeTransferService.unknown(transferId));
            if (transfer.state() != busy || log.leaseFree(tenant.id(), Direction.INBOUND, transferId)) {
                return transfer;
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayException(ErrorCode.SERVER_BUSY, "transfer " + transferId + " is still being processed; try again");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(ErrorCode.SERVER_BUSY, "interrupted while transfer " + transferId + " was being processed");
            }
        }
    }
}
