package io.coregate.gateway.db;

import io.coregate.gateway.domain.replica.Replica;
import io.coregate.gateway.domain.replica.ReplicaRegistry;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replica heartbeats in the {@code replicas} table under tenant {@code '*'}, stamped with the database clock. Thread-safe. */
public final class JdbcReplicaRegistry implements ReplicaRegistry {

    private static final String GLOBAL = "*";
    private final Jdbc jdbc;

    public JdbcReplicaRegistry(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beat(String id, String version, Instant startedAt, List<Replica.Plugin> plugins) {
        var json = plugins.stream().map(p -> Map.of("id", p.id(), "version", p.version(), "sha256", p.sha256(), "state", p.state())).toList();
        jdbc.autoCommit("replica heartbeat", connection -> {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO replicas (tenant_id, replica_id, version, started_at, heartbeat_at, plugins)
                    VALUES (?, ?, ?, ?, now(), ?::jsonb)
                    ON CONFLICT (tenant_id, replica_id) DO UPDATE
                    SET version = EXCLUDED.version, started_at = EXCLUDED.started_at, heartbeat_at = now(), plugins = EXCLUDED.plugins""")) {
                statement.setString(1, GLOBAL);
                statement.setString(2, id);
                statement.setString(3, version);
                statement.setTimestamp(4, Timestamp.from(startedAt));
                statement.setString(5, JsonColumns.write(json));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public List<Replica> list(Duration liveWithin) {
        return jdbc.read("list replicas", connection -> {
            try (var statement = connection.prepareStatement("""
                    SELECT r.replica_id, r.version, r.started_at, r.heartbeat_at,
                           r.heartbeat_at > now() - make_interval(secs => ?) AS live,
                           p.id AS plugin_id, p.version AS plugin_version, p.sha256 AS plugin_sha256, p.state AS plugin_state
                    FROM replicas r
                    LEFT JOIN LATERAL jsonb_to_recordset(r.plugins) AS p(id text, version text, sha256 text, state text) ON true
                    WHERE r.tenant_id = ?
                    ORDER BY r.replica_id, p.id, p.version, p.sha256""")) {
                statement.setDouble(1, liveWithin.toMillis() / 1000.0);
                statement.setString(2, GLOBAL);
                var replicas = new LinkedHashMap<String, Replica>();
                var plugins = new LinkedHashMap<String, List<Replica.Plugin>>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString("replica_id");
                        var list = plugins.computeIfAbsent(id, k -> new ArrayList<>());
                        replicas.putIfAbsent(id, new Replica(id, rows.getString("version"), rows.getTimestamp("started_at").toInstant(),
                            rows.getTimestamp("heartbeat_at").toInstant(), rows.getBoolean("live"), List.of()));
                        if (rows.getString("plugin_id") != null) {
                            list.add(new Replica.Plugin(rows.getString("plugin_id"), rows.getString("plugin_version"),
                                rows.getString("plugin_sha256"), rows.getString("plugin_state")));
                        }
                    }
                }
                return replicas.values().stream()
                    .map(r -> new Replica(r.id(), r.version(), r.startedAt(), r.heartbeatAt(), r.live(), plugins.get(r.id())))
                    .toList();
            }
        });
    }

    @Override
    public void remove(String id) {
        jdbc.autoCommit("remove replica", connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM replicas WHERE tenant_id = ? AND replica_id = ?")) {
                statement.setString(1, GLOBAL);
                statement.setString(2, id);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public int prune(Duration silentFor) {
        return jdbc.autoCommit("prune replicas", connection -> {
            try (var statement = connection.prepareStatement(
                    "DELETE FROM replicas WHERE tenant_id = ? AND heartbeat_at < now() - make_interval(secs => ?)")) {
                statement.setString(1, GLOBAL);
                statement.setDouble(2, silentFor.toSeconds());
                return statement.executeUpdate();
            }
        });
    }
}
