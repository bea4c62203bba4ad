/**
 * Meters, log events and health detail that belong to no listener: the liquidity alarm. Depends on the domain and
 * Helidon metrics only.
 */
package io.coregate.gateway.observe;
