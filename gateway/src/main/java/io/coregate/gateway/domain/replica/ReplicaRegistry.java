package io.coregate.gateway.domain.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where replicas record their heartbeats: shared by every replica on one database. Thread-safe. */
public interface ReplicaRegistry {

    /**
     * Records a heartbeat: creates or replaces the replica's row, stamped with the database clock.
     *
     * @param id        the replica's id
     * @param version   the gateway version it runs
     * @param startedAt when it started
     * @param plugins   the plugins it has loaded now
     */
    void beat(String id, String version, Instant startedAt, List<Replica.Plugin> plugins);

    /**
     * Every replica recorded, ordered by id.
     *
     * @param liveWithin a replica whose last heartbeat is older than this is listed as not live
     */
    List<Replica> list(Duration liveWithin);

    /** Removes a replica's row (it stops, or it has been silent for too long). */
    void remove(String id);

    /** Removes the rows of replicas silent for longer than {@code silentFor}; answers how many. */
    int prune(Duration silentFor);
}
