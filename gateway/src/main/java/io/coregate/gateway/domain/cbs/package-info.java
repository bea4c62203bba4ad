/**
 * The domain's port to the tenants' core banking systems, implemented by the plugin host; and the CBS callbacks: each
 * tenant's secret callback address ({@link io.coregate.gateway.domain.cbs.CallbackUrls}), receiving a callback (stored
 * first, then read by the tenant's adapter: {@link io.coregate.gateway.domain.cbs.CallbackReceiver}), and the inbox
 * the pending-leg job reads settled outcomes from ({@link io.coregate.gateway.domain.cbs.CallbackInbox}).
 */
package io.coregate.gateway.domain.cbs;
