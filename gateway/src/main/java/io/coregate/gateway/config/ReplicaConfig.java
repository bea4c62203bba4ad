package io.coregate.gateway.config;

import io.helidon.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How this gateway instance shows among the replicas sharing its database ({@code replicas.*}).
 *
 * @param id        this replica's id ({@code replicas.id}, env {@code REPLICAS_ID}; the chart sets the pod name);
 *                  default: the host name and process id
 * @param heartbeat how often it records its heartbeat ({@code replicas.heartbeat-seconds})
 */
public record ReplicaConfig(String id, Duration heartbeat) {

    /**
     * Reads {@code replicas.*}.
     *
     * @throws ConfigException naming the first invalid key
     */
    public static ReplicaConfig load(Config config) {
        String id = config.get("replicas.id").asString().asOptional().map(String::strip).filter(s -> !s.isEmpty())
            .orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
        if (id.length() > 253) {
            throw new ConfigException("replicas.id must be at most 253 characters");
        }
        return new ReplicaConfig(id, Duration.ofSeconds(ConfigLoader.number(config, "replicas.heartbeat-seconds", 10, 1, 3_600)));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
