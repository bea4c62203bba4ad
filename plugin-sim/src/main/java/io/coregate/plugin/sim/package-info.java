/**
 * A kit for simulating a core banking system in a plugin's tests: {@link io.coregate.plugin.sim.Simulator} is a real
 * HTTP server on a random port whose JSON {@link io.coregate.plugin.sim.Route routes} work on an in-memory
 * double-entry {@link io.coregate.plugin.sim.Ledger} with holds, record every request in a
 * {@link io.coregate.plugin.sim.Journal}, and meet the {@link io.coregate.plugin.sim.Fault faults} a test injects
 * per route. A vendor simulator (T24, GSMA, Fineract, FLEXCUBE) is a set of routes speaking that vendor's shapes.
 *
 * <p>Depends on the JDK and Jackson only; meant for test scope.
 */
package io.coregate.plugin.sim;
