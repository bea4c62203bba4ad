package io.coregate.gateway;

import io.coregate.gateway.config.GatewayConfig;
import io.coregate.gateway.db.Database;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantService;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.coregate.gateway.plugins.CbsHealthMonitor;
import io.coregate.gateway.plugins.PluginHost;

/**
 * The services {@link Main} wired, exposed for tests and tools that drive them directly.
 *
 * @param config   the validated configuration
 * @param database the database
 * @param plugins  the plugin host
 * @param adapters the per-tenant adapters
 * @param tenants  the tenant service
 * @param directory the enabled tenants
 * @param adminToken the admin bearer token
 * @param cbsHealth  the per-tenant CBS health monitor
 * @param connector  the client of the tenants' Mojaloop Connector outbound API (used by the payer flow)
 */
public record Components(GatewayConfig config, Database database, PluginHost plugins, AdapterRegistry adapters, TenantService tenants,
                         TenantDirectory directory, String adminToken,
                         CbsHealthMonitor cbsHealth, Connector connector) {

    @Override
    public String toString() {
        return "Components[" + config + "]";
    }
}
