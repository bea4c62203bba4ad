/**
 * Tests of the sandbox bank through its public adapter contract: every operation's happy path and refusals,
 * idempotency, faults and latency, state surviving re-creation, and conservation of money.
 */
package io.coregate.plugins.sandbox;
