package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.Direction;
import io.coregate.gateway.domain.transfer.Resolution;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.domain.transfer.TransferQuery;
import io.coregate.gateway.domain.transfer.TransferState;
import io.coregate.gateway.json.Binding;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operators' transfer routes under {@code /admin/tenants/{tenant}/transfers}: list (filters state, direction,
 * from, to, limit and id — any id a user holds; newest first), detail with journal, and resolution of RECONCILE cases and of UNCERTAIN outbound
 * transfers (audited).
 */
public final class TransferAdminRoutes {

    private final AdminAuth auth;
    private final TransferAdmin transfers;
    private final RequestMetrics metrics;

    public TransferAdminRoutes(AdminAuth auth, TransferAdmin transfers, RequestMetrics metrics) {
        this.auth = auth;
        this.transfers = transfers;
        this.metrics = metrics;
    }

    /** Adds the routes (before the admin fallback). */
    public void routing(HttpRouting.Builder routing) {
        routing.get("/admin/tenants/{tenant}/transfers", admin("transfer.list", this::list))
            .get("/admin/tenants/{tenant}/transfers/{transferId}", admin("transfer.get", this::get))
            .post("/admin/tenants/{tenant}/transfers/{transferId}/resolve", admin("transfer.resolve", this::resolve));
    }

    private Handler admin(String route, AdminRoutes.AdminHandler handler) {
        return metrics.timed(Listener.ADMIN, route, (request, response) -> handler.handle(request, response, auth.authenticate(request)));
    }

    private void list(ServerRequest request, ServerResponse response, String actor) {
        var query = request.query();
        var filter = new TransferQuery(
            param(query.first("state").asOptional(), "state", s -> TransferState.valueOf(s.toUpperCase(Locale.ROOT))),
            param(query.first("direction").asOptional(), "direction", d -> Direction.valueOf(d.toUpperCase(Locale.ROOT))),
            param(query.first("from").asOptional(), "from", Instant::parse),
            param(query.first("to").asOptional(), "to", Instant::parse),
            query.first("limit").asOptional().map(LiquidityRoutes::limit).orElse(100),
            param(query.first("id").asOptional(), "id", TransferAdminRoutes::anyId));
        var rows = transfers.list(tenant(request), filter).stream().map(TransferViews.ListItem::of).toList();
        Json.send(response, 200, new TransferViews.ListView(rows));
    }

    /** An id to search by: printable, at most 128 characters (the longest id a Mojaloop party or channel uses). */
    private static String anyId(String id) {
        if (id.isEmpty() || id.length() > 128 || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(id);
        }
        return id;
    }

    private static <T> Optional<T> param(Optional<String> raw, String name, Function<String, T> parse) {
        try {
            return raw.map(parse);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ValidationException.of(name, "invalid value '" + Routes.shorten(raw.orElse("")) + "'");
        }
    }

    private void get(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, TransferViews.DetailView.of(transfers.get(tenant(request), direction(request), transferId(request))));
    }

    private void resolve(ServerRequest request, ServerResponse response, String actor) {
        var body = Binding.bind(Json.tree(request), Resolution.class);
        var resolved = transfers.resolve(tenant(request), direction(request), transferId(request), body, actor);
        Json.send(response, 200, TransferViews.DetailView.of(resolved));
    }

    private static TenantId tenant(ServerRequest request) {
        return new TenantId(request.path().pathParameters().get("tenant"));
    }

    private static String transferId(ServerRequest request) {
        return request.path().pathParameters().get("transferId");
    }

    /** The {@code direction} asked for; absent, the transfer of that id in either direction (inbound first). */
    private static Optional<Direction> direction(ServerRequest request) {
        return param(request.query().first("direction").asOptional(), "direction", d -> Direction.valueOf(d.toUpperCase(Locale.ROOT)));
    }
}
