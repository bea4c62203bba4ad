package io.coregate.gateway.http;

import io.coregate.gateway.domain.replica.Replica;
import io.coregate.gateway.domain.replica.Replicas;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
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
        Json.send(response, 200, new ReplicasView(replicas.self(), view.agree(), view.replicas().stream().map(ReplicaView::of).toList()));
    }

    /** {@code GET /admin/replicas}: this replica's id, whether all agree, and each replica. */
    record ReplicasView(String self, boolean agree, List<ReplicaView> replicas) {
    }

    /** One replica: its version, liveness, times and loaded plugin jars. */
    record ReplicaView(String id, String version, boolean live, String startedAt, String heartbeatAt, List<Replica.Plugin> plugins) {

        static ReplicaView of(Replica replica) {
            return new ReplicaView(replica.id(), replica.version(), replica.live(), replica.startedAt().toString(),
                replica.heartbeatAt().toString(), replica.plugins());
        }
    }
}
