package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.plugin.ApprovalRequest;
import io.coregate.gateway.domain.plugin.PluginApprovals;
import io.coregate.gateway.domain.plugin.PluginInventory;
import io.coregate.gateway.domain.plugin.PluginView;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;

import java.util.List;
import java.util.Map;

/** Lists the host's plugins with the tenants each version serves, and takes uploads. Thread-safe. */
public final class HostInventory implements PluginInventory {

    private final PluginHost host;
    private final TenantDirectory tenants;
    private final PluginSync sync;
    private final PluginApprovals approvals;
    private final ApprovalPolicy policy;

    public HostInventory(PluginHost host, TenantDirectory tenants, PluginSync sync, PluginApprovals approvals, ApprovalPolicy policy) {
        this.host = host;
        this.tenants = tenants;
        this.sync = sync;
        this.approvals = approvals;
        this.policy = policy;
    }

    @Override
    public List<PluginApprovals.Approval> approvals() {
        return approvals.list();
    }

    @Override
    public Approved approve(ApprovalRequest request, String actor) {
        String sha256 = request.checksum();
        boolean created = approvals.approve(sha256, request.note(), new AuditEntry(AuditEntry.GLOBAL, actor, "plugin.approve",
            Map.of("sha256", sha256, "note", request.note())));
        policy.refresh();
        host.retryRejected();
        var approval = approvals.list().stream().filter(a -> a.sha256().equals(sha256)).findFirst()
            .orElseThrow(() -> new IllegalStateException("approval of " + sha256 + " was not stored"));
        var started = host.plugins().stream().filter(p -> p.sha256().equals(sha256) && p.started()).map(this::view).toList();
        return new Approved(approval, created, started);
    }

    @Override
    public boolean revoke(String sha256, String actor) {
        String checksum = sha256.toLowerCase(java.util.Locale.ROOT);
        boolean revoked = approvals.revoke(checksum, new AuditEntry(AuditEntry.GLOBAL, actor, "plugin.revoke", Map.of("sha256", checksum)));
        policy.refresh();
        return revoked;
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

    @Override
    public List<PluginView> delete(String id, String version, String actor) {
        List<LoadedPlugin> matches = host.plugins().stream()
            .filter(p -> p.id().equals(id) && p.version().equals(version) && !p.retiring()).toList();
        if (matches.isEmpty()) {
            throw new GatewayException(ErrorCode.ID_NOT_FOUND, "plugin " + shown(id) + " " + shown(version) + " is not loaded here");
        }
        if (matches.stream().anyMatch(p -> p.source() == LoadedPlugin.Source.BUNDLED)) {
            throw new GatewayException(ErrorCode.VALIDATION, "plugin " + id + " " + version
                + " is bundled with the gateway's image; it goes with a new image, not through the API");
        }
        List<String> users = matches.stream().flatMap(p -> tenantsOf(p).stream()).distinct().sorted().toList();
        if (!users.isEmpty()) {
            throw new GatewayException(ErrorCode.VALIDATION, "plugin " + id + " " + version + " serves tenants " + users
                + "; move them to another version (cbs.pluginVersion) first");
        }
        matches.forEach(plugin -> sync.delete(plugin, actor));
        return host.plugins().stream().filter(p -> p.id().equals(id) && p.version().equals(version)).map(this::view).toList();
    }

    private static String shown(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
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
