package io.coregate.gateway.http;

import io.coregate.gateway.domain.access.ApiKeys;
import io.coregate.gateway.domain.access.IssuedApiKey;
import io.coregate.gateway.domain.access.StoredApiKey;
import io.coregate.gateway.domain.tenant.TenantId;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin routes for tenants' DFSP API keys, behind the admin token; registered by {@link AdminRoutes} before its
 * fallback. A key is in the answer to its issuing {@code POST} only (with {@code Cache-Control: no-store}).
 */
public final class ApiKeyRoutes {

    private final AdminAuth auth;
    private final ApiKeys keys;
    private final RequestMetrics metrics;

    public ApiKeyRoutes(AdminAuth auth, ApiKeys keys, RequestMetrics metrics) {
        this.auth = auth;
        this.keys = keys;
        this.metrics = metrics;
    }

    /** Adds the key routes to the admin routing (the caller registers the error handler and the fallback). */
    public void routing(HttpRouting.Builder routing) {
        routing.post("/admin/tenants/{tenant}/api-keys", admin("api-key.issue", this::issue))
            .get("/admin/tenants/{tenant}/api-keys", admin("api-key.list", this::list))
            .delete("/admin/tenants/{tenant}/api-keys/{keyId}", admin("api-key.revoke", this::revoke));
    }

    private Handler admin(String route, AdminRoutes.AdminHandler handler) {
        return metrics.timed(Listener.ADMIN, route, (request, response) -> handler.handle(request, response, auth.authenticate(request)));
    }

    private void issue(ServerRequest request, ServerResponse response, String actor) {
        IssuedApiKey issued = keys.issue(tenant(request), actor);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, 201, new Issued(issued.keyId(), issued.apiKey()));
    }

    private void list(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new Keys(keys.list(tenant(request)).stream().map(KeyView::of).toList()));
    }

    private void revoke(ServerRequest request, ServerResponse response, String actor) {
        String keyId = request.path().pathParameters().get("keyId");
        Instant revokedAt = keys.revoke(tenant(request), keyId, actor);
        Json.send(response, 200, new Revoked(keyId, revokedAt.toString()));
    }

    private static TenantId tenant(ServerRequest request) {
        return new TenantId(request.path().pathParameters().get("tenant"));
    }

    /** A newly issued key: the only answer that holds it. */
    record Issued(String keyId, String apiKey) {
    }

    /** A key as listed: never the key itself. */
    record KeyView(String keyId, String createdAt, boolean active, Optional<String> revokedAt) {

        static KeyView of(StoredApiKey key) {
            return new KeyView(key.keyId(), key.createdAt().toString(), key.active(), key.revokedAt().map(Instant::toString));
        }
    }

    /** {@code GET /admin/tenants/{tenant}/api-keys}. */
    record Keys(List<KeyView> keys) {
    }

    /** The answer to a revocation. */
    record Revoked(String keyId, String revokedAt) {
    }
}
