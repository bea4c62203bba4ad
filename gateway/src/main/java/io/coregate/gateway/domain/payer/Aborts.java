package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.StateChange;
import io.coregate.gateway.domain.transfer.StoredAnswer;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferLog;
import io.coregate.gateway.domain.transfer.TransferMetrics;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.Optional;

/**
 * Ends a payer transfer that never reached its accept: records ABORTED (voiding any reservation in the same transaction)
 * with the error the channel gets as its stored answer, counts it, and throws that error. Shared by
 * {@link PayerService} and {@link Quoting}. Thread-safe.
 */
public final class Aborts {

    private final TransferLog log;
    private final TransferMetrics metrics;

    public Aborts(TransferLog log, TransferMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Records ABORTED from the transfer's current state.
     *
     * @return never: it throws the channel's error (declared as a return so callers can write {@code throw aborts.abort(...)})
     * @throws GatewayException always, with {@code code} and {@code message}
     */
    GatewayException abort(Tenant tenant, Transfer transfer, ErrorCode code, String message) {
        var change = StateChange.of(transfer.state(), TransferState.ABORTED, Optional.empty(), message, StoredAnswer.refused(code, message));
        log.change(tenant.id(), Direction.OUTBOUND, transfer.transferId(), change)
            .ifPresent(t -> metrics.outcome(tenant.id(), Direction.OUTBOUND, TransferState.ABORTED));
        throw new GatewayException(code, message);
    }
}
