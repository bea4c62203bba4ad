package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.Map;

/** Where the transfer flows report outcomes (port; the http layer implements it with meters). Thread-safe. */
public interface TransferMetrics {

    /** Counts a transfer reaching {@code outcome} (a state name). */
    void outcome(TenantId tenant, Direction direction, TransferState outcome);

    /** Publishes the number of RECONCILE cases per tenant. */
    void reconcileOpen(Map<TenantId, Long> counts);

    /** Publishes the number of UNCERTAIN outbound transfers per tenant. */
    void uncertainOpen(Map<TenantId, Long> counts);

    /** Metrics that record nothing. */
    TransferMetrics NONE = new TransferMetrics() {
        @Override
        public void outcome(TenantId tenant, Direction direction, TransferState outcome) {
        }

        @Override
        public void reconcileOpen(Map<TenantId, Long> counts) {
        }

        @Override
        public void uncertainOpen(Map<TenantId, Long> counts) {
        }
    };
}
