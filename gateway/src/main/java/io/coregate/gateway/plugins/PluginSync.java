package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.plugin.PluginStore;
import io.coregate.gateway.domain.tenant.AuditEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded plugin jars: an upload is loaded here first and stored in the database only when it started, so a broken
 * jar never reaches the other replicas; {@link #pull()} (a periodic job on every replica) writes each stored jar
 * that is missing locally into the {@code uploaded/} folder, checks its checksum and loads it. Replicas therefore
 * agree without a shared disk. Uploads are serialized; thread-safe.
 */
public final class PluginSync {

    private static final System.Logger LOG = System.getLogger(PluginSync.class.getName());

    private final PluginHost host;
    private final PluginStore store;
    private final Path uploadedDir;

    /**
     * @param host        the plugin host
     * @param store       where uploaded jars are kept for every replica
     * @param uploadedDir the local folder uploaded jars are written to, one {@code <sha256>.jar} each
     */
    public PluginSync(PluginHost host, PluginStore store, Path uploadedDir) {
        this.host = host;
        this.store = store;
        this.uploadedDir = uploadedDir;
    }

    /** The result of an upload: the plugin's entry and whether this upload added it. */
    record Uploaded(LoadedPlugin plugin, boolean created) {
    }

    /** Loads, stores and audits an uploaded jar. */
    synchronized Uploaded upload(byte[] bytes, String actor) {
        String sha256 = PluginLoader.sha256(bytes);
        Path target = uploadedDir.resolve(sha256 + ".jar");
        Optional<LoadedPlugin> known = host.find(target).filter(LoadedPlugin::active);
        if (known.isPresent()) {
            store.save(stored(known.get(), bytes), bytes, audit(actor, known.get(), bytes.length, false));
            return new Uploaded(known.get(), false);
        }
        write(target, bytes);
        LoadedPlugin loaded = host.load(target, LoadedPlugin.Source.UPLOADED);
        if (!loaded.active()) {
            store.audit(audit(actor, loaded, bytes.length, false));
            deleteQuietly(target);
            return new Uploaded(loaded, false);
        }
        try {
            store.save(stored(loaded, bytes), bytes, audit(actor, loaded, bytes.length, true));
        } catch (RuntimeException e) {
            host.remove(target);
            host.reap(plugin -> !plugin.sameAs(loaded), plugin -> { });
            deleteQuietly(target);
            throw e;
        }
        return new Uploaded(loaded, true);
    }

    /**
     * Deletes a version's jar: an uploaded one from the store (every replica drops it at its next pull) and from this
     * replica's folder, a dropped one from the drop-in folder; the host retires it either way. Audited.
     */
    synchronized void delete(LoadedPlugin plugin, String actor) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("id", plugin.id());
        detail.put("version", plugin.version());
        detail.put("sha256", plugin.sha256());
        detail.put("source", plugin.source().label());
        var audit = new AuditEntry(AuditEntry.GLOBAL, actor, "plugin.delete", detail);
        if (plugin.source() != LoadedPlugin.Source.UPLOADED || !store.delete(plugin.sha256(), audit)) {
            store.audit(audit);
        }
        deleteQuietly(plugin.jar());
        host.remove(plugin.jar());
    }

    /** Pulls every stored jar this replica has not loaded yet, and retires uploaded jars deleted from the store. */
    public synchronized void pull() {
        List<PluginStore.StoredJar> stored = store.list();
        var kept = stored.stream().map(PluginStore.StoredJar::sha256).collect(java.util.stream.Collectors.toSet());
        for (LoadedPlugin plugin : host.plugins()) {
            if (plugin.source() == LoadedPlugin.Source.UPLOADED && !plugin.retiring() && uploadedDir.equals(plugin.jar().getParent())
                    && !kept.contains(plugin.sha256())) {
                LOG.log(System.Logger.Level.INFO, "uploaded plugin " + plugin.id() + " " + plugin.version() + " was deleted; retiring it");
                deleteQuietly(plugin.jar());
                host.remove(plugin.jar());
            }
        }
        for (PluginStore.StoredJar jar : stored) {
            Path target = uploadedDir.resolve(jar.sha256() + ".jar");
            if (host.find(target).isPresent()) {
                continue;
            }
            Optional<byte[]> content = store.content(jar.sha256());
            if (content.isEmpty() || !PluginLoader.sha256(content.get()).equals(jar.sha256())) {
                LOG.log(System.Logger.Level.WARNING, "stored plugin jar " + jar.sha256() + " is missing or does not match its checksum");
                continue;
            }
            write(target, content.get());
            LOG.log(System.Logger.Level.INFO, "pulled uploaded plugin " + jar.pluginId() + " " + jar.version() + " from the database");
            host.load(target, LoadedPlugin.Source.UPLOADED);
        }
    }

    private static PluginStore.StoredJar stored(LoadedPlugin plugin, byte[] bytes) {
        return new PluginStore.StoredJar(plugin.sha256(), plugin.id(), plugin.version(), bytes.length);
    }

    private static AuditEntry audit(String actor, LoadedPlugin plugin, int size, boolean created) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", plugin.id());
        detail.put("version", plugin.version());
        detail.put("sha256", plugin.sha256());
        detail.put("sizeBytes", size);
        detail.put("state", plugin.state());
        detail.put("created", created);
        plugin.reason().ifPresent(reason -> detail.put("reason", reason));
        return new AuditEntry(AuditEntry.GLOBAL, actor, "plugin.upload", detail);
    }

    private void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(uploadedDir);
            Path partial = Files.createTempFile(uploadedDir, "upload", ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + file + ": " + e.getMessage());
        }
    }
}
