/**
 * The contract suite every CBS adapter passes: a plugin's test extends
 * {@link io.coregate.plugin.tck.AdapterContract} (any CBS) or {@link io.coregate.plugin.tck.SimulatorContract} (a CBS
 * simulated with the {@code io.coregate.plugin.sim} kit), supplies its factory, context and known parties, and
 * inherits tests of each SPI operation, per-leg idempotency under retries, the failure kinds it claims, timeouts and
 * pending outcomes.
 */
package io.coregate.plugin.tck;
