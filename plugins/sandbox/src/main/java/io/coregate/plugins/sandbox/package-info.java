/**
 * The sandbox CBS plugin: an honest in-memory bank per tenant for demos and tests.
 *
 * <p>{@link io.coregate.plugins.sandbox.SandboxAdapterFactory} is the PF4J extension; it keeps one
 * {@code Bank} per tenant so balances and bookings survive when the gateway re-creates a tenant's adapter.
 * Every booking is a double entry between {@code Pocket}s of a {@code Ledger}, so the sum of all balances of a
 * bank never changes. Latency and faults ({@code FaultPlan}) are configured in the tenant's {@code cbs.settings}.
 */
package io.coregate.plugins.sandbox;
