/**
 * The simulated Temenos Transact, built with the simulator kit and speaking the provider APIs of the plugin's README
 * (envelopes, error bodies and T24's lack of idempotency included), and the tests: the contract suite against it with
 * and without locks, the settings, the wire shapes, the error table, and the look-up before a retried order.
 */
package io.coregate.plugins.t24;
