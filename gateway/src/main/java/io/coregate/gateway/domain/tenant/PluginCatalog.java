package io.coregate.gateway.domain.tenant;

import java.util.Optional;
import java.util.Set;

/** What the tenant service needs to know of the plugin host to validate a document. Thread-safe. */
public interface PluginCatalog {

    /** Ids of the plugins loaded and started. */
    Set<String> pluginIds();

    /**
     * Checks that a loaded version of {@code pluginId} satisfies {@code versionExpression}.
     *
     * @return empty when fine, else a message naming the problem and the versions available
     */
    Optional<String> checkVersion(String pluginId, Optional<String> versionExpression);

    /** Why the jars of {@code pluginId} were refused (each version with its reason), empty when none was. */
    Optional<String> refusals(String pluginId);
}
