package io.coregate.gateway.http;

import io.coregate.gateway.domain.replica.Replica;
import io.coregate.gateway.domain.replica.Replicas;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** {@code GET /admin/replicas}: every gateway replica on this database, its version and plugins, and whether they agree. */
public final class ReplicaRoutes {

    private final Replicas replicas;

    public ReplicaRoutes(Replicas replicas) {
        this.replicas = replicas;
    }

    /** Adds the route; {@code admin} wraps a handler with the admin authentication and request metrics. */
    void routing(HttpRouting.Builder routing, BiFunction<String, AdminRoutes.AdminHandler, Handler> admin) {
        routing.get("/admin/replicas", admin.apply("replica.list", this::list));
    }

    private void list(ServerRequest request, ServerResponse response, String actor) {
        Replicas.View view = replicas.view();
        var body = new LinkedHashMap<String, Object>();
        body.put("self", replicas.self());
        body.put("agree", view.agree());
        body.put("replicas", view.replicas().stream().map(ReplicaRoutes::view).toList());
        Json.send(response, 200, body);
    }

    private static Map<String, Object> view(Replica replica) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", replica.id());
        body.put("version", replica.version());
        body.put("live", replica.live());
        body.put("startedAt", replica.startedAt().toString());
        body.put("heartbeatAt", replica.heartbeatAt().toString());
        body.put("plugins", replica.plugins().stream().map(p -> Map.of("id", p.id(), "version", p.version(), "sha256", p.sha256(),
            "state", p.state())).toList());
        return body;
    }
}
