package io.coregate.gateway.domain.replica;

import io.coregate.gateway.domain.plugin.PluginInventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * This replica's place among the others: it heartbeats its version and loaded plugins into the shared registry, and
 * answers whether the live replicas agree (run the same version and the same started plugin jars). Thread-safe.
 */
public final class Replicas {

    /** A replica silent this long is removed from the registry (a pod that was deleted without stopping cleanly). */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Comparator<Replica.Plugin> ORDER = Comparator.comparing(Replica.Plugin::id)
        .thenComparing(Replica.Plugin::version).thenComparing(Replica.Plugin::sha256);

    private final ReplicaRegistry registry;
    private final PluginInventory plugins;
    private final String id;
    private final String version;
    private final Instant startedAt;
    private final Duration heartbeat;

    /**
     * @param registry  the shared registry
     * @param plugins   this replica's plugin host
     * @param id        this replica's id
     * @param version   the gateway version
     * @param startedAt when this replica started
     * @param heartbeat how often {@link #heartbeat()} runs; a replica is live while its last beat is under three of these old
     */
    public Replicas(ReplicaRegistry registry, PluginInventory plugins, String id, String version, Instant startedAt, Duration heartbeat) {
        this.registry = registry;
        this.plugins = plugins;
        this.id = id;
        this.version = version;
        this.startedAt = startedAt;
        this.heartbeat = heartbeat;
    }

    /** Records this replica's heartbeat and forgets replicas silent for an hour. */
    public void heartbeat() {
        var loaded = plugins.list().stream()
            .map(p -> new Replica.Plugin(p.id(), p.version(), p.sha256(), p.state()))
            .sorted(ORDER)
            .toList();
        registry.beat(id, version, startedAt, loaded);
        registry.prune(FORGET_AFTER);
    }

    /** Removes this replica from the registry (on a clean stop). */
    public void leave() {
        registry.remove(id);
    }

    /** This replica's id. */
    public String self() {
        return id;
    }

    /**
     * The registry's view.
     *
     * @param replicas every recorded replica, live or not
     * @param agree    true when every live replica runs the same version and the same started plugin jars
     */
    public record View(List<Replica> replicas, boolean agree) {
    }

    /** Every recorded replica and whether the live ones agree. */
    public View view() {
        List<Replica> all = registry.list(heartbeat.multipliedBy(3));
        Set<List<Object>> distinct = new HashSet<>();
        for (Replica replica : all) {
            if (replica.live()) {
                distinct.add(List.of(replica.version(), started(replica.plugins())));
            }
        }
        return new View(all, distinct.size() <= 1);
    }

    private static List<Replica.Plugin> started(List<Replica.Plugin> plugins) {
        return plugins.stream().filter(p -> "STARTED".equals(p.state())).sorted(ORDER).toList();
    }
}
