package io.coregate.gateway.http;

import io.coregate.gateway.domain.access.ApiKeyRequest;
import io.coregate.gateway.domain.access.ApiKeys;
import io.coregate.gateway.domain.access.IssuedApiKey;
import io.coregate.gateway.domain.access.StoredApiKey;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.json.Binding;
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
        var body = request.content().hasEntity() ? Binding.bind(Json.tree(request), ApiKeyRequest.class) : ApiKeyRequest.DEFAULT;
        IssuedApiKey issued = keys.issue(tenant(request), body, actor);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        var view = KeyView.of(issued.stored());
        Json.send(response, 201, new Issued(issued.keyId(), issued.apiKey(), view.scopes(), view.expiresAt()));
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
    record Issued(String keyId, String apiKey, List<String> scopes, Optional<String> expiresAt) {
    }

    /** A key as listed: never the key itself. */
    record KeyView(String keyId, String createdAt, boolean active, Optional<String> revokedAt, List<String> scopes,
                   Optional<String> expiresAt) {

        static KeyView of(StoredApiKey key) {
            return new KeyView(key.keyId(), key.createdAt().toString(), key.activeAt(Instant.now()), key.revokedAt().map(Instant::toString),
                key.scopes().stream().map(Enum::name).sorted().toList(), key.expiresAt().map(Instant::toString));
        }
    }

    /** {@code GET /admin/tenants/{tenant}/api-keys}. */
    record Keys(List<KeyView> keys) {
    }

    /** The answer to a revocation. */
    record Revoked(String keyId, String revokedAt) {
    }
}
