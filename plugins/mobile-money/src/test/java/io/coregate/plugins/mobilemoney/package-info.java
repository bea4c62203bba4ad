/**
 * Tests of the GSMA Mobile Money plugin: the simulated provider ({@link io.coregate.plugins.mobilemoney.MobileMoneySimulator}),
 * the contract suite against it, and the wire, settings, error-mapping and callback tests.
 */
package io.coregate.plugins.mobilemoney;
