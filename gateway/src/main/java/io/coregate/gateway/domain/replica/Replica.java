package io.coregate.gateway.domain.replica;

import java.time.Instant;
import java.util.List;

/**
 * One gateway instance as the registry knows it.
 *
 * @param id          the replica's id (the pod name in Kubernetes)
 * @param version     the gateway version it runs
 * @param startedAt   when it started
 * @param heartbeatAt its last heartbeat, by the database clock
 * @param live        true when its last heartbeat is recent (within three heartbeat intervals)
 * @param plugins     the plugin jars it had loaded at its last heartbeat, sorted
 */
public record Replica(String id, String version, Instant startedAt, Instant heartbeatAt, boolean live, List<Plugin> plugins) {

    public Replica {
        plugins = List.copyOf(plugins);
    }

    /**
     * One loaded plugin jar.
     *
     * @param id      plugin id
     * @param version plugin version
     * @param sha256  the jar's checksum
     * @param state   its state in that replica's host ({@code STARTED}, {@code FAILED}, ...)
     */
    public record Plugin(String id, String version, String sha256, String state) {
    }
}
