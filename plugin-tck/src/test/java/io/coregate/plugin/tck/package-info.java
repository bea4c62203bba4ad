/** Tests of the contract suite: run against the example adapter and its simulated bank. */
package io.coregate.plugin.tck;
