/**
 * The gateway's business rules: tenants, money flows, state machines, idempotency and liquidity. Depends on the JDK
 * and the plugin API only; talks to storage and CBS plugins through the ports declared in its sub-packages.
 */
package io.coregate.gateway.domain;
