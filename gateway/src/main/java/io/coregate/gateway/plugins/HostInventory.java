package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.plugin.PluginInventory;
import io.coregate.gateway.domain.plugin.PluginView;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;

import java.util.List;

/** Lists the host's plugins with the tenants each version serves, and takes uploads. Thread-safe. */
public final class HostInventory implements PluginInventory {

    private final PluginHost host;
    private final TenantDirectory tenants;
    private final PluginSync sync;

    public HostInventory(PluginHost host, TenantDirectory tenants, PluginSync sync) {
        this.host = host;
        this.tenants = tenants;
        this.sync = sync;
    }

    @Override
    public List<PluginView> list() {
        return host.plugins().stream().map(this::view).toList();
    }

    @Override
    public Upload upload(byte[] jar, String actor) {
        var uploaded = sync.upload(jar, actor);
        return new Upload(view(uploaded.plugin()), uploaded.created());
    }

    private PluginView view(LoadedPlugin plugin) {
        return new PluginView(plugin.id(), plugin.version(), plugin.state(), plugin.sha256(), plugin.source().label(), plugin.reason(),
            tenantsOf(plugin));
    }

    private List<String> tenantsOf(LoadedPlugin plugin) {
        if (!plugin.started()) {
            return List.of();
        }
        return tenants.all().values().stream()
            .filter(t -> host.resolve(t.document().cbs().plugin(), t.document().cbs().pluginVersion()).filter(plugin::sameAs).isPresent())
            .map(Tenant::id)
            .map(Object::toString)
            .sorted()
            .toList();
    }
}
