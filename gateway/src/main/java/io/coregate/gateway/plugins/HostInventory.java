package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.plugin.PluginInventory;
import io.coregate.gateway.domain.plugin.PluginView;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;

import java.util.List;

/** Lists the host's plugins with the tenants whose documents select each version. Thread-safe. */
public final class HostInventory implements PluginInventory {

    private final PluginHost host;
    private final TenantDirectory tenants;

    public HostInventory(PluginHost host, TenantDirectory tenants) {
        this.host = host;
        this.tenants = tenants;
    }

    @Override
    public List<PluginView> list() {
        return host.plugins().stream().map(plugin -> new PluginView(plugin.id(), plugin.version(), plugin.state(), plugin.sha256(),
            plugin.source().label(), plugin.reason(), tenantsOf(plugin))).toList();
    }

    private List<String> tenantsOf(LoadedPlugin plugin) {
        return tenants.all().values().stream()
            .filter(t -> plugin.started() && host.select(t.document().cbs().plugin(), t.document().cbs().pluginVersion())
                .filter(plugin::equals).isPresent())
            .map(Tenant::id)
            .map(Object::toString)
            .sorted()
            .toList();
    }
}
