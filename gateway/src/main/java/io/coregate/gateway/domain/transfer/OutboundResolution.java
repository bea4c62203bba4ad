package io.coregate.gateway.domain.transfer;

import java.util.Optional;

/**
 * The CBS step an operator's resolution of an UNCERTAIN outbound transfer needs before it is recorded (port,
 * implemented by the payer flow): COMMITTED captures a hold, ABORTED gives the customer's money back. Thread-safe.
 */
@FunctionalInterface
public interface OutboundResolution {

    /** Needs no CBS step. */
    OutboundResolution NONE = (transfer, outcome) -> Optional.empty();

    /**
     * @param transfer the UNCERTAIN transfer
     * @param outcome  COMMITTED or ABORTED, as the operator found it at the hub
     * @return empty when the CBS confirmed the step, else what failed
     */
    Optional<String> apply(Transfer transfer, TransferState outcome);
}
