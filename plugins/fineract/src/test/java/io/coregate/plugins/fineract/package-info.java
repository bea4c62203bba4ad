/**
 * The simulated Fineract, built with the simulator kit and speaking the API of the plugin's README (clients, savings
 * accounts, holds, account transfers, batches, Idempotency-Key), and the tests: the contract suite against it, the
 * settings, what goes over the wire, and each Fineract error's failure kind.
 */
package io.coregate.plugins.fineract;
