package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.tenant.Tenant;

/**
 * Port to a tenant's Mojaloop Connector outbound API ({@code sdk-outbound-v2_1_0.yaml}) at the tenant's
 * {@code sdk.outboundUrl}. Implementations never throw for what the connector answers or fails to answer: every
 * result is a {@link ConnectorOutcome}; they retry only where it is safe (status reads; a request that could not even
 * be sent) and never re-send an accept. A tenant without {@code sdk.outboundUrl} gets {@code Failed} with 2003.
 * Thread-safe.
 */
public interface Connector {

    /**
     * {@code POST /transfers}: resolves the payee and gets a quote. Expected: {@code Quoted}; also {@code Failed}
     * (3204 for an unknown payee, ...), {@code Unknown} (timeout or 504), {@code Completed} (connector auto-accepts
     * quotes: a misconfiguration), {@code Aborted}.
     */
    ConnectorOutcome postTransfer(Tenant tenant, OutboundTransfer transfer);

    /**
     * {@code PUT /transfers/{transferId}} {@code {"acceptQuote": accept}}, sent exactly once. Accepting:
     * {@code Completed}, {@code Failed} (the hub or the payee refused), {@code Unknown} (timeout or 504: resolve with
     * {@link #getTransfer}). Rejecting: {@code Aborted}.
     */
    ConnectorOutcome acceptQuote(Tenant tenant, String transferId, boolean accept);

    /**
     * {@code GET /transfers/{transferId}}: how the transfer ended at the hub. {@code Completed} (COMMITTED),
     * {@code Aborted} (ABORTED), {@code Unknown} (still in progress or no answer), {@code Failed} (the connector or
     * hub answered an error, e.g. 3208 when the hub has not seen the transfer). A resolver must not take 3208 as
     * final before the transfer's expiry has passed: a connector that is still working on an accept the gateway
     * stopped waiting for may yet send the prepare.
     */
    ConnectorOutcome getTransfer(Tenant tenant, String transferId);
}
