package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.tenant.Tenant;

/**
 * Port through which a COMPLETED notification is confirmed with the tenant's Mojaloop Connector before the customer
 * is credited (tenant option {@code sdk.confirmCompletion}): the Connector asks the hub how the transfer ended.
 * Implementations never throw for what the Connector answers. Thread-safe.
 */
@FunctionalInterface
public interface CompletionCheck {

    /** What the Connector says of a transfer the gateway was told is COMPLETED. */
    enum Verdict {
        /** The hub committed it: credit. */
        CONFIRMED,
        /** The hub aborted it or never saw it: credit nothing, refuse the notification. */
        DENIED,
        /** No clear answer: credit nothing yet; the transfer stays reserved for a retried notification or an operator. */
        UNKNOWN
    }

    /**
     * The Connector's word on a transfer.
     *
     * @param verdict what it says
     * @param reason  why, in the operator's words
     */
    record Confirmation(Verdict verdict, String reason) {
    }

    /** Never consulted: for tenants without the option (and tests of other things). */
    CompletionCheck NONE = (tenant, transferId) -> new Confirmation(Verdict.CONFIRMED, "not checked");

    /** Asks the tenant's Connector how the hub ended {@code transferId}. */
    Confirmation confirm(Tenant tenant, String transferId);
}
