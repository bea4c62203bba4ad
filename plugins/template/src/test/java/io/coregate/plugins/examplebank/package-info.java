/**
 * The examplebank's simulator, built with the simulator kit and speaking exactly the API of the plugin's README, and the
 * tests: the contract suite against it, the settings, and what goes over the wire (leg keys, one attempt, no secret in a
 * log line).
 */
package io.coregate.plugins.examplebank;
