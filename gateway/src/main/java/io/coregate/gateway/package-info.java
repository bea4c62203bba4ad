/**
 * The composition root: {@link io.coregate.gateway.Main} reads the configuration and wires the database, plugin
 * host, domain services and the three listeners by hand into a running {@link io.coregate.gateway.Gateway}.
 */
package io.coregate.gateway;
