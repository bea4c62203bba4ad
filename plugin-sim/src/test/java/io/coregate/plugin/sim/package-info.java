/** Tests of the simulator kit: the ledger's books and the simulator's routes, duplicates and faults over real HTTP. */
package io.coregate.plugin.sim;
