package io.coregate.gateway.plugins;

import io.coregate.plugin.api.CoreBankingAdapterFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.JarPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Loads and starts one plugin jar in its own PF4J {@link JarPluginManager}, so that two versions of one plugin id can
 * be loaded at once. Dropped jars are first copied to a private content-addressed folder, so an operator overwriting
 * or deleting the file never changes the bytes a running class loader reads. Every failure is answered as a
 * {@code FAILED} plugin with a reason, never thrown. Stateless apart from its settings; thread-safe.
 */
final class PluginLoader {

    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());
    static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    private final ApiRequirement api;
    private final Path privateCopies;

    /**
     * @param apiVersion    the plugin API version the host implements, which {@code Plugin-Requires} must contain
     * @param privateCopies where dropped jars are copied before loading
     */
    PluginLoader(String apiVersion, Path privateCopies) {
        this.api = new ApiRequirement(apiVersion);
        this.privateCopies = privateCopies;
    }

    /** Loads and starts a jar whose checksum is already known. */
    LoadedPlugin load(Path jar, String sha256, LoadedPlugin.Source source) {
        String name = jar.getFileName().toString();
        if (!isZip(jar)) {
            return refused(name, "?", sha256, source, jar, "not a jar (no readable zip directory)");
        }
        Path file;
        try {
            file = source == LoadedPlugin.Source.BUNDLED ? jar : privateCopy(jar, sha256);
        } catch (IOException e) {
            return refused(name, "?", sha256, source, jar, "cannot copy the jar: " + e.getMessage());
        }
        Optional<LoadedPlugin> misfit = misfit(file, sha256, source, jar);
        if (misfit.isPresent()) {
            return misfit.get();
        }
        var manager = new JarPluginManager(file.getParent());
        manager.setSystemVersion(api.apiVersion());
        try {
            String id = manager.loadPlugin(file);
            PluginWrapper wrapper = manager.getPlugin(id);
            String version = wrapper.getDescriptor().getVersion();
            PluginState state;
            try {
                state = wrapper.getPluginState() == PluginState.DISABLED ? PluginState.DISABLED : manager.startPlugin(id);
            } catch (PluginRuntimeException | LinkageError | IllegalArgumentException | IllegalStateException e) {
                return failed(id, version, sha256, source, jar, "start failed: " + rootCause(e), manager);
            }
            if (state != PluginState.STARTED) {
                return failed(id, version, sha256, source, jar, reasonNotStarted(wrapper), manager);
            }
            return started(manager, wrapper, sha256, source, jar, file);
        } catch (PluginRuntimeException | LinkageError | IllegalArgumentException | IllegalStateException e) {
            return failed(name, "?", sha256, source, jar, "cannot load: " + e.getMessage(), manager);
        }
    }

    /**
     * A plugin whose manifest does not fit the implemented API, refused before PF4J loads any of its classes. A manifest
     * without id or version is left to PF4J, which names the missing field.
     */
    private Optional<LoadedPlugin> misfit(Path file, String sha256, LoadedPlugin.Source source, Path jar) {
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(file);
        } catch (PluginRuntimeException e) {
            return Optional.empty();
        }
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion();
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            return Optional.empty();
        }
        return api.problem(version, descriptor.getRequires()).map(reason -> refused(id, version, sha256, source, jar, reason));
    }

    private LoadedPlugin started(JarPluginManager manager, PluginWrapper wrapper, String sha256, LoadedPlugin.Source source, Path jar,
                                 Path file) {
        String id = wrapper.getPluginId();
        String version = wrapper.getDescriptor().getVersion();
        List<CoreBankingAdapterFactory> factories = manager.getExtensions(CoreBankingAdapterFactory.class, id);
        if (factories.size() != 1) {
            return failed(id, version, sha256, source, jar, "expected one CoreBankingAdapterFactory extension, found " + factories.size()
                + ": " + ExtensionIndex.diagnose(wrapper.getPluginClassLoader()), manager);
        }
        var runtime = new LoadedPlugin.Runtime(factories.getFirst(), wrapper.getPluginClassLoader(), manager, new InFlight(), file);
        return new LoadedPlugin(id, version, sha256, source, LoadedPlugin.STARTED, Optional.empty(), jar, Optional.of(runtime));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }

    private String reasonNotStarted(PluginWrapper wrapper) {
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            return "disabled: " + api.problem(wrapper.getDescriptor().getVersion(), wrapper.getDescriptor().getRequires()).orElse("by PF4J");
        }
        return Optional.ofNullable(wrapper.getFailedException()).map(e -> "start failed: " + e).orElse("state " + wrapper.getPluginState());
    }

    private static LoadedPlugin failed(String id, String version, String sha256, LoadedPlugin.Source source, Path jar, String reason,
                                       JarPluginManager manager) {
        stop(manager, id);
        return refused(id, version, sha256, source, jar, reason);
    }

    static LoadedPlugin refused(String id, String version, String sha256, LoadedPlugin.Source source, Path jar, String reason) {
        return new LoadedPlugin(id, version, sha256, source, LoadedPlugin.FAILED, Optional.of(reason), jar, Optional.empty());
    }

    /** Stops and unloads whatever a manager holds; problems are logged. */
    static void stop(org.pf4j.PluginManager manager, String id) {
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
        } catch (PluginRuntimeException | LinkageError | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "plugin " + id + " did not stop cleanly: " + e.getMessage());
        }
    }

    private Path privateCopy(Path jar, String sha256) throws IOException {
        Files.createDirectories(privateCopies);
        Path copy = privateCopies.resolve(sha256 + ".jar");
        if (Files.exists(copy) && !sha256(copy).equals(sha256)) {
            Files.delete(copy);
        }
        if (!Files.exists(copy)) {
            Path partial = Files.createTempFile(privateCopies, sha256, ".part");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            String copied = sha256(partial);
            if (!copied.equals(sha256)) {
                Files.delete(partial);
                throw new IOException("the jar changed while it was copied (checksum " + copied + ", approved as " + sha256 + ")");
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** True when the file's zip central directory can be read (a jar still being copied has none yet). */
    static boolean isZip(Path file) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Hex SHA-256 of a file, or {@code "unreadable"}. */
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

    /** Hex SHA-256 of bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
