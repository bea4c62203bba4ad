package io.coregate.gateway.plugins;

import io.coregate.plugin.api.CoreBankingAdapterFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One plugin jar as the host knows it: loaded and started, or refused with a reason.
 *
 * @param id      the {@code Plugin-Id}, or the file name when the manifest is unreadable
 * @param version the {@code Plugin-Version}, or {@code "?"}
 * @param sha256  the jar's checksum
 * @param source  where it came from
 * @param state   {@code STARTED} or {@code FAILED}
 * @param reason  why it failed
 * @param jar     the jar file
 * @param runtime the running plugin, when started
 */
public record LoadedPlugin(String id, String version, String sha256, Source source, String state, Optional<String> reason,
                           Path jar, Optional<Runtime> runtime) {

    /** Where a plugin jar came from. */
    public enum Source {
        BUNDLED, DROPPED, UPLOADED;

        /** The lower-case name used in the admin API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A started plugin's factory and class loader.
     *
     * @param factory     its adapter factory extension
     * @param classLoader the plugin's class loader (context class loader for every call)
     * @param manager     the PF4J manager holding it, closed on unload
     */
    public record Runtime(CoreBankingAdapterFactory factory, ClassLoader classLoader, org.pf4j.PluginManager manager) {
    }

    /** True when it can serve tenants. */
    public boolean started() {
        return runtime.isPresent();
    }
}
