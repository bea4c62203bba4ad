package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.tenant.Tenant;

/**
 * Tells a tenant's channel how a send it was answered {@code 202 DEBIT_PENDING} ended (port), at the tenant's
 * {@code sdk.channelWebhook}, signed. Best effort: the transfer's state is already recorded, and
 * {@code GET /{tenant}/transfers/{id}} stays the channel's source of truth. Implementations never throw and do not
 * block their caller. Thread-safe.
 */
public interface ChannelWebhook {

    /** A webhook that tells nobody (tenants without {@code sdk.channelWebhook}, tests). */
    ChannelWebhook NONE = (tenant, transfer) -> { };

    /**
     * Posts the transfer's outcome when the tenant has a webhook.
     *
     * @param transfer the outbound transfer after it left DEBIT_PENDING
     */
    void settled(Tenant tenant, Outbound transfer);
}
