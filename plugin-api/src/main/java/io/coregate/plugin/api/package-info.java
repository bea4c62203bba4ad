/**
 * The CBS adapter SPI: what a core-banking plugin implements and the values it exchanges with the gateway.
 *
 * <p>A plugin jar contributes one {@link io.coregate.plugin.api.CoreBankingAdapterFactory} extension. The
 * gateway asks it for one {@link io.coregate.plugin.api.CoreBankingAdapter} per tenant, passing that tenant's
 * settings and secrets only, and calls the adapter with a timeout, a concurrency bulkhead and the plugin's class
 * loader as context class loader. Every operation ends in an {@link io.coregate.plugin.api.Outcome}: done, a typed
 * {@link io.coregate.plugin.api.FailureKind failure}, or pending (an asynchronous CBS accepted the request).
 *
 * <p>This package depends on the JDK and PF4J only, and changes only by addition.
 */
package io.coregate.plugin.api;
