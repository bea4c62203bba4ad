package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * How a call to the Mojaloop Connector ended. The payer flow switches over these exhaustively:
 * <ul>
 *   <li>{@link Quoted}: {@code postTransfer} stopped at {@code WAITING_FOR_QUOTE_ACCEPTANCE} (the expected answer with
 *       {@code AUTO_ACCEPT_QUOTES=false}); nothing is committed at the hub until the quote is accepted.</li>
 *   <li>{@link Completed}: the hub committed the transfer (accept or status; from {@code postTransfer} only when the
 *       connector is misconfigured to auto-accept quotes, in which case the customer was not debited first).</li>
 *   <li>{@link Aborted}: the transfer certainly did not and will not complete (quote rejected, hub says ABORTED).</li>
 *   <li>{@link Failed}: the connector or the hub answered a clear error: nothing was committed.</li>
 *   <li>{@link Unknown}: no clear answer (timeout, 504, connection lost after sending, unreadable answer, still in
 *       progress): for an accept the money may or may not have moved; ask {@code getTransfer} later.</li>
 * </ul>
 */
public sealed interface ConnectorOutcome {

    /**
     * The transfer waits for the payer's acceptance of its quote.
     *
     * @param transfer the quote, payee and amounts
     */
    record Quoted(ConnectorTransfer transfer) implements ConnectorOutcome {
        public Quoted {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /**
     * The hub committed the transfer.
     *
     * @param transfer the connector's view of it
     */
    record Completed(ConnectorTransfer transfer) implements ConnectorOutcome {
        public Completed {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /**
     * The transfer ended without moving money.
     *
     * @param transferId the transfer
     * @param reason     why, for the log and the channel
     */
    record Aborted(String transferId, String reason) implements ConnectorOutcome {
        public Aborted {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A clear error.
     *
     * @param code       the DFSP-facing FSPIOP error to answer with
     * @param message    what went wrong, naming the problem
     * @param fspiopCode the exact FSPIOP code the connector or hub gave, when it gave one
     */
    record Failed(ErrorCode code, String message, Optional<String> fspiopCode) implements ConnectorOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fspiopCode, "fspiopCode");
        }
    }

    /**
     * The outcome is not known.
     *
     * @param reason what happened (timeout, 504, ...)
     */
    record Unknown(String reason) implements ConnectorOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
