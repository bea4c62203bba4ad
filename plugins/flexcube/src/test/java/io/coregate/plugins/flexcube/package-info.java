/**
 * The simulated FCUBS gateway ({@link io.coregate.plugins.flexcube.FlexcubeSimulator}: the SOAP services of the plugin's
 * README on the simulator kit's ledger and faults, duplicate XREFs refused or booked twice, maker-checker), and the
 * tests: the contract suite against it in each mode, the settings, the wire shapes and XML safety, the error table.
 */
package io.coregate.plugins.flexcube;
