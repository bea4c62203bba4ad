/**
 * The composition root: {@link io.coregate.gateway.Main} is the process (configuration sources, start, shutdown hook);
 * {@link io.coregate.gateway.Wiring} builds the database, plugin host, every domain service and its collaborators
 * (each once, by hand, passed through constructors; the transfer parts both flows share in
 * {@link io.coregate.gateway.TransferParts}) and the three listeners into a running
 * {@link io.coregate.gateway.Gateway}. Nothing outside this package depends on it.
 */
package io.coregate.gateway;
