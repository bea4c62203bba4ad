package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.PluginCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every plugin jar the gateway knows, keyed by its file: bundled, dropped in or uploaded, each loaded in its own PF4J
 * manager so versions of one plugin id live side by side. A tenant selects the newest started version matching its
 * {@code cbs.pluginVersion}. A removed jar's version turns {@code RETIRING}: it keeps serving the tenants that no
 * started version matches until they move, and is unloaded by {@link #reap} once unused and drained. A jar that
 * cannot load, duplicates a loaded id and version, or is not on the allow-list is listed with its reason and never
 * stops the gateway. Reads are lock-free over an immutable snapshot; changes are serialized. Thread-safe.
 */
public final class PluginHost implements PluginCatalog, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    private final PluginLoader loader;
    private final ApprovalPolicy approvals;
    private final Map<Path, LoadedPlugin> byJar = new LinkedHashMap<>();
    private volatile List<LoadedPlugin> snapshot = List.of();
    /** Tenant resolutions over the current snapshot: SemVer expressions are parsed once per change, not per CBS call. */
    private volatile Map<List<Object>, Optional<LoadedPlugin>> resolved = new ConcurrentHashMap<>();

    /**
     * @param apiVersion    the plugin API version the host implements, which every plugin's {@code Plugin-Requires} must contain
     * @param privateCopies where dropped jars are copied before loading
     * @param approvals     which dropped or uploaded jars may load
     */
    public PluginHost(String apiVersion, Path privateCopies, ApprovalPolicy approvals) {
        this.loader = new PluginLoader(apiVersion, privateCopies);
        this.approvals = approvals;
    }

    /** Loads every {@code *.jar} in a directory (missing directories are fine). */
    public void loadDirectory(Path dir, LoadedPlugin.Source source) {
        jarsIn(dir).forEach(jar -> load(jar, source));
    }

    /** The {@code *.jar} files directly in a directory, sorted; empty when it is missing or unreadable. */
    static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list plugin directory " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Loads and starts one jar; a failure is recorded, not thrown. A jar at the same path with the same checksum is
     * not loaded twice; a changed jar at the same path replaces (retires) the earlier one.
     */
    public synchronized LoadedPlugin load(Path jar, LoadedPlugin.Source source) {
        String sha256 = PluginLoader.sha256(jar);
        LoadedPlugin existing = byJar.get(jar);
        if (existing != null && existing.sha256().equals(sha256) && !existing.retiring()
            && !(LoadedPlugin.REJECTED.equals(existing.state()) && approvals.refusal(sha256).isEmpty())) {
            return existing;
        }
        if (existing != null) {
            remove(jar);
        }
        LoadedPlugin loaded;
        Optional<String> refusal = source == LoadedPlugin.Source.BUNDLED ? Optional.empty() : approvals.refusal(sha256);
        if (refusal.isPresent()) {
            loaded = new LoadedPlugin(jar.getFileName().toString(), "?", sha256, source, LoadedPlugin.REJECTED, refusal, jar,
                Optional.empty());
        } else {
            loaded = refuseDuplicate(loader.load(jar, sha256, source));
        }
        if (byJar.get(jar) != null && byJar.get(jar).retiring()) {
            byJar.put(retiredKey(jar), byJar.remove(jar));
        }
        byJar.put(jar, loaded);
        publish();
        LOG.log(loaded.active() ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
            "plugin " + loaded.id() + " " + loaded.version() + " (" + source.label() + ", " + jar.getFileName() + ", sha256 "
                + sha256.substring(0, Math.min(12, sha256.length())) + "…): " + loaded.state() + loaded.reason().map(r -> " - " + r).orElse(""));
        return loaded;
    }

    /** Loads again every jar rejected as unapproved that is approved now; answers how many started. */
    public synchronized int retryRejected() {
        List<LoadedPlugin> rejected = byJar.values().stream()
            .filter(p -> LoadedPlugin.REJECTED.equals(p.state()) && approvals.refusal(p.sha256()).isEmpty()).toList();
        return (int) rejected.stream().map(p -> load(p.jar(), p.source())).filter(LoadedPlugin::started).count();
    }

    private LoadedPlugin refuseDuplicate(LoadedPlugin loaded) {
        Optional<LoadedPlugin> twin = snapshot.stream()
            .filter(p -> p.active() && p.id().equals(loaded.id()) && p.version().equals(loaded.version())).findFirst();
        if (loaded.runtime().isEmpty() || twin.isEmpty()) {
            return loaded;
        }
        PluginLoader.stop(loaded.runtime().get().manager(), loaded.id());
        return PluginLoader.refused(loaded.id(), loaded.version(), loaded.sha256(), loaded.source(), loaded.jar(), "duplicate: "
            + loaded.id() + " " + loaded.version() + " is already loaded from " + twin.get().jar().getFileName() + " ("
            + twin.get().source().label() + ")");
    }

    private static Path retiredKey(Path jar) {
        return jar.resolveSibling(jar.getFileName() + "#retired-" + System.nanoTime());
    }

    /**
     * The jar at {@code jar} is gone: a refused entry disappears, a started version turns {@code RETIRING} and is
     * unloaded by {@link #reap} once no tenant uses it and its calls drained.
     */
    public synchronized void remove(Path jar) {
        LoadedPlugin plugin = byJar.get(jar);
        if (plugin == null || plugin.retiring()) {
            return;
        }
        if (!plugin.started()) {
            byJar.remove(jar);
        } else {
            byJar.put(jar, plugin.withState(LoadedPlugin.RETIRING,
                Optional.of("jar removed; unloads once no tenant uses this version and its calls have drained")));
            LOG.log(System.Logger.Level.INFO, "plugin " + plugin.id() + " " + plugin.version() + " retiring: " + jar.getFileName() + " removed");
        }
        publish();
    }

    /**
     * Unloads every retiring version that no tenant uses and that runs no call.
     *
     * @param inUse        whether some tenant still resolves to a version
     * @param beforeUnload runs for each version about to be unloaded (to close the adapters it created)
     * @return the versions unloaded
     */
    public synchronized List<LoadedPlugin> reap(Predicate<LoadedPlugin> inUse, java.util.function.Consumer<LoadedPlugin> beforeUnload) {
        List<LoadedPlugin> reaped = new ArrayList<>();
        for (var entry : new ArrayList<>(byJar.entrySet())) {
            LoadedPlugin plugin = entry.getValue();
            if (plugin.retiring() && !inUse.test(plugin) && plugin.runtime().orElseThrow().calls().close()) {
                byJar.remove(entry.getKey());
                reaped.add(plugin);
            }
        }
        if (!reaped.isEmpty()) {
            publish();
            reaped.forEach(beforeUnload);
            reaped.forEach(this::unload);
        }
        return reaped;
    }

    private void unload(LoadedPlugin plugin) {
        LoadedPlugin.Runtime runtime = plugin.runtime().orElseThrow();
        PluginLoader.stop(runtime.manager(), plugin.id());
        boolean shared = snapshot.stream().anyMatch(p -> p.runtime().map(r -> r.loadedFrom().equals(runtime.loadedFrom())).orElse(false));
        if (plugin.source() == LoadedPlugin.Source.DROPPED && !shared) {
            try {
                Files.deleteIfExists(runtime.loadedFrom());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + runtime.loadedFrom() + ": " + e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.INFO, "plugin " + plugin.id() + " " + plugin.version() + " unloaded");
    }

    private void publish() {
        snapshot = List.copyOf(byJar.values());
        resolved = new ConcurrentHashMap<>();
    }

    /** Every plugin jar known, started, retiring or refused. */
    public List<LoadedPlugin> plugins() {
        return snapshot;
    }

    /** The entry for a jar file, if known. */
    public Optional<LoadedPlugin> find(Path jar) {
        return snapshot.stream().filter(p -> p.jar().equals(jar) && !p.retiring()).findFirst();
    }

    /** The newest started (not retiring) version of {@code id} matching the SemVer expression (any version when empty). */
    public Optional<LoadedPlugin> select(String id, Optional<String> versionExpression) {
        return newest(snapshot, id, versionExpression, LoadedPlugin::active);
    }

    /**
     * The version serving a tenant: the newest started match, else the newest retiring match (a tenant pinned to a
     * removed version keeps it until its document moves).
     */
    public Optional<LoadedPlugin> resolve(String id, Optional<String> versionExpression) {
        Map<List<Object>, Optional<LoadedPlugin>> cache = resolved;
        List<Object> key = List.of(id, versionExpression);
        Optional<LoadedPlugin> known = cache.get(key);
        if (known != null) {
            return known;
        }
        List<LoadedPlugin> plugins = snapshot;
        Optional<LoadedPlugin> found = newest(plugins, id, versionExpression, LoadedPlugin::active)
            .or(() -> newest(plugins, id, versionExpression, LoadedPlugin::retiring));
        if (plugins == snapshot) {
            cache.putIfAbsent(key, found);
        }
        return found;
    }

    private static Optional<LoadedPlugin> newest(List<LoadedPlugin> plugins, String id, Optional<String> expression,
                                                 Predicate<LoadedPlugin> eligible) {
        return plugins.stream()
            .filter(p -> eligible.test(p) && p.id().equals(id))
            .filter(p -> expression.map(expr -> PluginLoader.VERSIONS.checkVersionConstraint(p.version(), expr)).orElse(true))
            .max(Comparator.comparing(LoadedPlugin::version, PluginLoader.VERSIONS::compareVersions));
    }

    @Override
    public Set<String> pluginIds() {
        return snapshot.stream().filter(LoadedPlugin::active).map(LoadedPlugin::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> checkVersion(String pluginId, Optional<String> versionExpression) {
        if (versionExpression.isPresent()) {
            try {
                PluginLoader.VERSIONS.checkVersionConstraint("0.0.0", versionExpression.get());
            } catch (RuntimeException e) {
                return Optional.of("'" + versionExpression.get() + "' is not a SemVer expression such as '>=1.0.0 & <2.0.0'");
            }
        }
        if (select(pluginId, versionExpression).isPresent()) {
            return Optional.empty();
        }
        List<String> versions = snapshot.stream().filter(p -> p.active() && p.id().equals(pluginId)).map(LoadedPlugin::version).toList();
        return Optional.of("no loaded version of '" + pluginId + "' matches '" + versionExpression.orElse("*") + "'; loaded: " + versions);
    }

    @Override
    public Optional<String> refusals(String pluginId) {
        List<String> refused = snapshot.stream().filter(p -> p.id().equals(pluginId) && !p.started())
            .map(p -> p.version() + " " + p.state() + ": " + p.reason().orElse("")).toList();
        return refused.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", refused));
    }

    @Override
    public synchronized void close() {
        for (LoadedPlugin plugin : byJar.values()) {
            plugin.runtime().ifPresent(runtime -> PluginLoader.stop(runtime.manager(), plugin.id()));
        }
        byJar.clear();
        publish();
    }
}
