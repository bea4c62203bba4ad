package io.coregate.gateway.plugins;

import io.coregate.plugin.api.CoreBankingAdapterFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One plugin jar as the host knows it: started, retiring (its jar was removed; it serves the tenants still on it
 * until they move and its calls drain), or refused with a reason. An immutable value; the running parts
 * ({@link Runtime}) are shared between the copies {@link #withState} makes, so two copies of one loaded version are
 * {@link #sameAs the same plugin}.
 *
 * @param id      the {@code Plugin-Id}, or the file name when the manifest is unreadable
 * @param version the {@code Plugin-Version}, or {@code "?"}
 * @param sha256  the jar's checksum
 * @param source  where it came from
 * @param state   {@code STARTED}, {@code RETIRING}, {@code FAILED} or {@code REJECTED} (not on the allow-list)
 * @param reason  why it failed, was rejected or is retiring
 * @param jar     the jar file as the operator placed it (drop-in, bundled or uploaded file)
 * @param runtime the running plugin, when started or retiring
 */
public record LoadedPlugin(String id, String version, String sha256, Source source, String state, Optional<String> reason,
                           Path jar, Optional<Runtime> runtime) {

    /** The state of a version that serves tenants. */
    public static final String STARTED = "STARTED";
    /** The state of a version whose jar was removed but that still serves tenants or calls. */
    public static final String RETIRING = "RETIRING";
    /** The state of a jar that could not be loaded or started. */
    public static final String FAILED = "FAILED";
    /** The state of a jar whose checksum is not on the allow-list. */
    public static final String REJECTED = "REJECTED";

    /** Where a plugin jar came from. */
    public enum Source {
        BUNDLED, DROPPED, UPLOADED;

        /** The lower-case name used in the admin API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A started plugin's factory, class loader and in-flight calls.
     *
     * @param factory     its adapter factory extension
     * @param classLoader the plugin's class loader (context class loader for every call)
     * @param manager     the PF4J manager holding it, closed on unload
     * @param calls       the calls running in it now
     * @param loadedFrom  the file its class loader reads (a private copy for dropped jars)
     */
    public record Runtime(CoreBankingAdapterFactory factory, ClassLoader classLoader, org.pf4j.PluginManager manager, InFlight calls,
                          Path loadedFrom) {
    }

    /** True when it has a running plugin (started or retiring). */
    public boolean started() {
        return runtime.isPresent();
    }

    /** True when new tenant documents may select it. */
    public boolean active() {
        return STARTED.equals(state) && runtime.isPresent();
    }

    /** True when its jar was removed and it waits for its tenants to move and its calls to drain. */
    public boolean retiring() {
        return RETIRING.equals(state);
    }

    /** The same plugin in another state. */
    public LoadedPlugin withState(String newState, Optional<String> newReason) {
        return new LoadedPlugin(id, version, sha256, source, newState, newReason, jar, runtime);
    }

    /** True when both are the same loaded version (same running plugin, or the same refused jar). */
    public boolean sameAs(LoadedPlugin other) {
        return runtime.isPresent() ? runtime.equals(other.runtime) : other.runtime.isEmpty() && jar.equals(other.jar)
            && sha256.equals(other.sha256);
    }
}
