package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the drop-in directory by polling (robust on every file system, container volumes included). A new or
 * changed {@code *.jar} is loaded once it is complete: its zip directory can be read, or its size and modification
 * time stayed the same across two scans (so a file that is not a jar at all is listed as failed rather than waited
 * on forever). A removed jar's version retires and is unloaded once no enabled tenant resolves to it and its calls
 * have drained; the adapters it created are closed then. Called from one scheduled job; not for concurrent use.
 */
public final class PluginWatcher {

    private record Seen(long size, long modified) {
    }

    private final PluginHost host;
    private final Path dir;
    private final TenantDirectory tenants;
    private final AdapterRegistry adapters;
    private final Map<Path, Seen> loaded = new HashMap<>();
    private final Map<Path, Seen> pending = new HashMap<>();

    public PluginWatcher(PluginHost host, Path dir, TenantDirectory tenants, AdapterRegistry adapters) {
        this.host = host;
        this.dir = dir;
        this.tenants = tenants;
        this.adapters = adapters;
    }

    /** One scan: loads complete new or changed jars, retires removed ones, unloads unused retired versions. */
    public void scan() {
        List<Path> jars = PluginHost.jarsIn(dir);
        for (Path jar : jars) {
            Optional<Seen> seen = observe(jar);
            if (seen.isEmpty() || seen.get().equals(loaded.get(jar))) {
                continue;
            }
            Seen previous = pending.put(jar, seen.get());
            if (seen.get().equals(previous) || PluginLoader.isZip(jar)) {
                pending.remove(jar);
                loaded.put(jar, seen.get());
                host.load(jar, LoadedPlugin.Source.DROPPED);
            }
        }
        var present = new HashSet<>(jars);
        pending.keySet().retainAll(present);
        for (Path gone : List.copyOf(loaded.keySet())) {
            if (!present.contains(gone)) {
                loaded.remove(gone);
                host.remove(gone);
            }
        }
        host.reap(this::inUse, adapters::forget);
    }

    private boolean inUse(LoadedPlugin plugin) {
        for (Tenant tenant : tenants.all().values()) {
            var cbs = tenant.document().cbs();
            if (host.resolve(cbs.plugin(), cbs.pluginVersion()).filter(plugin::sameAs).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Seen> observe(Path jar) {
        try {
            var attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(new Seen(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
