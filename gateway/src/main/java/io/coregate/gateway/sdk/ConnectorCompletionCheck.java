package io.coregate.gateway.sdk;

import io.coregate.gateway.domain.payee.CompletionCheck;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.tenant.Tenant;

/**
 * Confirms a COMPLETED notification with {@code GET /transfers/{id}} on the tenant's Connector outbound API: the hub's
 * COMMITTED confirms; ABORTED or an error the Connector relays (3208: the hub never saw it) denies; no clear answer is
 * unknown. Thread-safe.
 */
public final class ConnectorCompletionCheck implements CompletionCheck {

    private final Connector connector;

    public ConnectorCompletionCheck(Connector connector) {
        this.connector = connector;
    }

    @Override
    public Confirmation confirm(Tenant tenant, String transferId) {
        return switch (connector.getTransfer(tenant, transferId)) {
            case ConnectorOutcome.Completed completed -> new Confirmation(Verdict.CONFIRMED, "the hub committed it");
            case ConnectorOutcome.Aborted aborted -> new Confirmation(Verdict.DENIED, aborted.reason());
            case ConnectorOutcome.Failed failed -> new Confirmation(Verdict.DENIED, failed.fspiopCode().map(c -> c + " ").orElse("")
                + failed.message());
            case ConnectorOutcome.Unknown unknown -> new Confirmation(Verdict.UNKNOWN, unknown.reason());
            case ConnectorOutcome.Quoted quoted -> new Confirmation(Verdict.UNKNOWN, "the Connector reports it still quoted");
        };
    }
}
