/**
 * The PF4J plugin host: loads CBS plugin jars (bundled and dropped in), each in its own plugin manager so versions
 * of one plugin id can live side by side, and the per-tenant adapter registry that calls adapters under the
 * plugin's class loader with the tenant's timeout and bulkhead.
 */
package io.coregate.gateway.plugins;
