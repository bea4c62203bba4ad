package io.coregate.gateway.http;

import io.coregate.gateway.domain.cbs.CallbackInbox;
import io.coregate.gateway.domain.cbs.CallbackUrls;
import io.coregate.gateway.domain.cbs.StoredCallback;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantService;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operators' view of a tenant's CBS callbacks: {@code GET /admin/tenants/{tenant}/callbacks?limit=} lists the stored
 * callbacks newest first (bodies cut) with what the adapter read; and the tenant's callback URL for the tenant view.
 */
public final class CallbackAdminRoutes {

    private final Function<TenantId, String> webhookKeys;
    private final TenantService tenants;
    private final CallbackInbox inbox;
    private final CallbackUrls urls;

    public CallbackAdminRoutes(TenantService tenants, CallbackInbox inbox, CallbackUrls urls, Function<TenantId, String> webhookKeys) {
        this.webhookKeys = webhookKeys;
        this.tenants = tenants;
        this.inbox = inbox;
        this.urls = urls;
    }

    /** One stored callback. */
    record CallbackView(long id, String receivedAt, String method, String subPath, String body, Optional<String> reference,
                        Optional<String> state, Optional<String> cbsReference, Optional<String> detail) {

        static CallbackView of(StoredCallback stored) {
            var reading = stored.reading();
            return new CallbackView(stored.id(), stored.receivedAt().toString(), stored.method(), stored.subPath(), stored.body(),
                reading.reference(), reading.state().map(Enum::name), reading.cbsReference(), reading.detail());
        }
    }

    /** {@code GET /admin/tenants/{tenant}/callbacks}. */
    record Callbacks(String tenantId, List<CallbackView> callbacks) {
    }

    /** Adds the route; {@code admin} wraps a handler with the admin authentication and request metrics. */
    void routing(HttpRouting.Builder routing, BiFunction<String, AdminRoutes.AdminHandler, Handler> admin) {
        routing.get("/admin/tenants/{tenant}/callbacks", admin.apply("tenant.callbacks", this::list));
    }

    /** The key the tenant's channel webhook is signed with. */
    String webhookKeyOf(TenantId tenant) {
        return webhookKeys.apply(tenant);
    }

    /** The tenant's callback base URL (its token is created when it has none). */
    String urlOf(TenantId tenant) {
        return urls.urlOf(tenant);
    }

    private void list(ServerRequest request, ServerResponse response, String actor) {
        TenantId id = tenants.get(new TenantId(request.path().pathParameters().get("tenant"))).id();
        int limit = request.query().first("limit").asOptional().map(LiquidityRoutes::limit).orElse(50);
        Json.send(response, 200, new Callbacks(id.value(), inbox.recent(id, limit).stream().map(CallbackView::of).toList()));
    }
}
