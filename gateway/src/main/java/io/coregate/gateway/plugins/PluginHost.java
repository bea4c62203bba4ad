package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.PluginCatalog;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads CBS plugin jars with PF4J, one plugin manager per jar so that two versions of one plugin id can be loaded
 * at once. A jar that cannot load (bad manifest, missing classes, failing start, unmet {@code Plugin-Requires}) is
 * kept in the list with its reason and never stops the gateway. Thread-safe.
 */
public final class PluginHost implements PluginCatalog, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());
    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    private final String systemVersion;
    private final List<LoadedPlugin> plugins = new CopyOnWriteArrayList<>();

    /** @param systemVersion the gateway version {@code Plugin-Requires} is checked against */
    public PluginHost(String systemVersion) {
        this.systemVersion = systemVersion;
    }

    /** Loads every {@code *.jar} in a directory (missing directories are fine). */
    public void loadDirectory(Path dir, LoadedPlugin.Source source) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jar -> load(jar, source));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list plugin directory " + dir + ": " + e.getMessage());
        }
    }

    /** Loads and starts one jar; a failure is recorded, not thrown. */
    public LoadedPlugin load(Path jar, LoadedPlugin.Source source) {
        String sha256 = sha256(jar);
        var manager = new JarPluginManager(jar.getParent());
        manager.setSystemVersion(systemVersion);
        LoadedPlugin loaded;
        try {
            String id = manager.loadPlugin(jar);
            PluginWrapper wrapper = manager.getPlugin(id);
            String version = wrapper.getDescriptor().getVersion();
            PluginState state = wrapper.getPluginState() == PluginState.DISABLED ? PluginState.DISABLED : manager.startPlugin(id);
            loaded = state == PluginState.STARTED
                ? started(manager, wrapper, sha256, source, jar)
                : failed(id, version, sha256, source, jar, reasonNotStarted(wrapper), manager);
        } catch (PluginRuntimeException | LinkageError | IllegalArgumentException e) {
            String name = jar.getFileName().toString();
            loaded = failed(name, "?", sha256, source, jar, "cannot load: " + e.getMessage(), manager);
        }
        plugins.add(loaded);
        LOG.log(loaded.started() ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
            "plugin " + loaded.id() + " " + loaded.version() + " (" + source.label() + ", sha256 " + sha256.substring(0, 12) + "…): "
                + loaded.state() + loaded.reason().map(r -> " - " + r).orElse(""));
        return loaded;
    }

    private LoadedPlugin started(JarPluginManager manager, PluginWrapper wrapper, String sha256, LoadedPlugin.Source source, Path jar) {
        String id = wrapper.getPluginId();
        String version = wrapper.getDescriptor().getVersion();
        List<CoreBankingAdapterFactory> factories = manager.getExtensions(CoreBankingAdapterFactory.class, id);
        if (factories.size() != 1) {
            return failed(id, version, sha256, source, jar, "expected one CoreBankingAdapterFactory extension, found " + factories.size()
                + " (built without -proc:full? no META-INF/extensions.idx?)", manager);
        }
        var runtime = new LoadedPlugin.Runtime(factories.getFirst(), wrapper.getPluginClassLoader(), manager);
        return new LoadedPlugin(id, version, sha256, source, "STARTED", Optional.empty(), jar, Optional.of(runtime));
    }

    private String reasonNotStarted(PluginWrapper wrapper) {
        String requires = wrapper.getDescriptor().getRequires();
        if (wrapper.getPluginState() == PluginState.DISABLED || !VERSIONS.checkVersionConstraint(systemVersion, requires)) {
            return "requires gateway " + wrapper.getDescriptor().getRequires() + ", this gateway is " + systemVersion;
        }
        return Optional.ofNullable(wrapper.getFailedException()).map(e -> "start failed: " + e).orElse("state " + wrapper.getPluginState());
    }

    private static LoadedPlugin failed(String id, String version, String sha256, LoadedPlugin.Source source, Path jar, String reason,
                                       JarPluginManager manager) {
        try {
            manager.unloadPlugins();
        } catch (PluginRuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "unloading failed plugin " + id + ": " + e.getMessage());
        }
        return new LoadedPlugin(id, version, sha256, source, "FAILED", Optional.of(reason), jar, Optional.empty());
    }

    /** Every plugin jar seen, started or failed. */
    public List<LoadedPlugin> plugins() {
        return List.copyOf(plugins);
    }

    /** The newest started version of {@code id} matching the SemVer expression (any version when empty). */
    public Optional<LoadedPlugin> select(String id, Optional<String> versionExpression) {
        return plugins.stream()
            .filter(p -> p.started() && p.id().equals(id))
            .filter(p -> versionExpression.map(expr -> VERSIONS.checkVersionConstraint(p.version(), expr)).orElse(true))
            .max(Comparator.comparing(LoadedPlugin::version, VERSIONS::compareVersions));
    }

    @Override
    public Set<String> pluginIds() {
        return plugins.stream().filter(LoadedPlugin::started).map(LoadedPlugin::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> checkVersion(String pluginId, Optional<String> versionExpression) {
        if (versionExpression.isPresent()) {
            try {
                VERSIONS.checkVersionConstraint("0.0.0", versionExpression.get());
            } catch (RuntimeException e) {
                return Optional.of("'" + versionExpression.get() + "' is not a SemVer expression such as '>=1.0.0 & <2.0.0'");
            }
        }
        if (select(pluginId, versionExpression).isPresent()) {
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        plugins.stream().filter(p -> p.started() && p.id().equals(pluginId)).forEach(p -> versions.add(p.version()));
        return Optional.of("no loaded version of '" + pluginId + "' matches '" + versionExpression.orElse("*") + "'; loaded: " + versions);
    }

    /** Hex SHA-256 of a file. */
    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        for (LoadedPlugin plugin : plugins) {
            plugin.runtime().ifPresent(runtime -> {
                try {
                    runtime.manager().stopPlugins();
                    runtime.manager().unloadPlugins();
                } catch (PluginRuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "plugin " + plugin.id() + " did not stop cleanly: " + e.getMessage());
                }
            });
        }
        plugins.clear();
    }
}
