package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.plugin.PluginApprovals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a dropped or uploaded jar may load (bundled plugins ship with the distribution and always load). A jar is
 * approved when its checksum is in {@code plugins.allowed-sha256} or was approved through the admin API (stored, so
 * every replica agrees). With {@code plugins.require-approval} (the default outside the embedded demo) only approved
 * jars load; without it, any jar loads unless {@code plugins.allowed-sha256} is set. Thread-safe.
 */
public final class ApprovalPolicy {

    private final boolean required;
    private final Set<String> configured;
    private final PluginApprovals store;
    private volatile Set<String> approved = Set.of();

    /**
     * @param required   only approved jars load
     * @param configured {@code plugins.allowed-sha256}
     * @param store      the approvals made through the admin API
     */
    public ApprovalPolicy(boolean required, Set<String> configured, PluginApprovals store) {
        this.required = required;
        this.configured = Set.copyOf(configured);
        this.store = store;
    }

    /** Re-reads the stored approvals (at start-up, on every plugin sync, after an approval). */
    public void refresh() {
        approved = store.list().stream().map(PluginApprovals.Approval::sha256).collect(Collectors.toUnmodifiableSet());
    }

    /** Why a jar with this checksum may not load; empty when it may. */
    public Optional<String> refusal(String sha256) {
        if (configured.contains(sha256) || approved.contains(sha256) || !required && configured.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("sha256 " + sha256 + " is not approved: approve it with POST /admin/plugins/approvals"
            + " or list it in plugins.allowed-sha256");
    }
}
