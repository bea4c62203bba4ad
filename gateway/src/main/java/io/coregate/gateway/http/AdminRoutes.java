package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.plugin.ApprovalRequest;
import io.coregate.gateway.domain.plugin.PluginInventory;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.AuditTrail;
import io.coregate.gateway.domain.tenant.TenantDocumentBody;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantService;
import io.coregate.gateway.json.Binding;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The operators' API on port 8080 under {@code /admin}, behind the bearer admin token or a named operator token ({@link AdminAuth}). */
public final class AdminRoutes {

    private final AdminAuth auth;
    private final TenantService tenants;
    private final PluginInventory plugins;
    private final AuditTrail audit;
    private final RequestMetrics metrics;
    private final ApiKeyRoutes apiKeys;
    private final TransferAdminRoutes transfers;
    private final LiquidityRoutes liquidity;
    private final ReplicaRoutes replicas;
    private final OperatorRoutes operators;
    private final CallbackAdminRoutes callbacks;

    public AdminRoutes(AdminAuth auth, TenantService tenants, PluginInventory plugins, AuditTrail audit, RequestMetrics metrics,
                       ApiKeyRoutes apiKeys, TransferAdminRoutes transfers, LiquidityRoutes liquidity, ReplicaRoutes replicas,
                       OperatorRoutes operators, CallbackAdminRoutes callbacks) {
        this.callbacks = callbacks;
        this.replicas = replicas;
        this.operators = operators;
        this.transfers = transfers;
        this.auth = auth;
        this.tenants = tenants;
        this.plugins = plugins;
        this.audit = audit;
        this.metrics = metrics;
        this.apiKeys = apiKeys;
        this.liquidity = liquidity;
    }

    /** An admin handler: gets the authenticated actor. */
    @FunctionalInterface
    interface AdminHandler {
        void handle(ServerRequest request, ServerResponse response, String actor);
    }

    /** Builds the admin routes (the observe feature adds health and metrics beside them). */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.ADMIN);
        routing.addFilter(new ObserveGuard(auth));
        apiKeys.routing(routing);
        transfers.routing(routing);
        OpenApiRoute.routing(routing);
        routing.put("/admin/tenants/{tenant}", admin("tenant.put", this::putTenant))
            .get("/admin/tenants", admin("tenant.list", this::listTenants))
            .get("/admin/tenants/{tenant}", admin("tenant.get", this::getTenant))
            .delete("/admin/tenants/{tenant}", admin("tenant.delete", this::deleteTenant))
            .get("/admin/tenants/{tenant}/audit", admin("tenant.audit", this::tenantAudit))
            .get("/admin/audit", admin("audit.list", this::gatewayAudit))
            .get("/admin/plugins", admin("plugin.list", this::listPlugins))
            .post("/admin/plugins", admin("plugin.upload", (req, res, actor) -> PluginUpload.handle(req, res, actor, plugins)))
            .get("/admin/plugins/approvals", admin("plugin.approvals", this::listApprovals))
            .post("/admin/plugins/approvals", admin("plugin.approve", this::approve))
            .delete("/admin/plugins/approvals/{sha256}", admin("plugin.revoke", this::revoke))
            .delete("/admin/plugins/{id}/{version}", admin("plugin.delete", this::deletePlugin));
        liquidity.routing(routing, this::admin);
        replicas.routing(routing, this::admin);
        operators.routing(routing, this::admin);
        callbacks.routing(routing, this::admin);
        routing.any("/admin", (req, res) -> auth.authenticate(req))
            .any("/admin/*", (req, res) -> {
                auth.authenticate(req);
                Routes.unknownUri(req, res);
            });
    }

    private Handler admin(String route, AdminHandler handler) {
        return metrics.timed(Listener.ADMIN, route, (request, response) -> handler.handle(request, response, auth.authenticate(request)));
    }

    private void putTenant(ServerRequest request, ServerResponse response, String actor) {
        TenantId id = new TenantId(request.path().pathParameters().get("tenant"));
        var saved = tenants.put(id, Binding.bind(Json.tree(request), TenantDocumentBody.class, tenants::checkPlugin), actor);
        Json.send(response, saved.created() ? 201 : 200, AdminViews.TenantView.of(saved.tenant()));
    }

    private void listTenants(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new AdminViews.Tenants(tenants.list().stream().map(AdminViews.TenantView::of).toList()));
    }

    private void getTenant(ServerRequest request, ServerResponse response, String actor) {
        var tenant = tenants.get(new TenantId(request.path().pathParameters().get("tenant")));
        var webhookSecret = tenant.document().sdk().channelWebhook().map(url -> callbacks.webhookKeyOf(tenant.id()));
        Json.send(response, 200, AdminViews.TenantView.of(tenant, callbacks.urlOf(tenant.id()), webhookSecret));
    }

    private void deleteTenant(ServerRequest request, ServerResponse response, String actor) {
        TenantId id = new TenantId(request.path().pathParameters().get("tenant"));
        tenants.disable(id, actor);
        Json.send(response, 200, AdminViews.TenantView.of(tenants.get(id)));
    }

    private void tenantAudit(ServerRequest request, ServerResponse response, String actor) {
        TenantId id = new TenantId(request.path().pathParameters().get("tenant"));
        Json.send(response, 200, new AdminViews.Audit(audit.recent(id.value(), 100).stream().map(AdminViews.AuditView::of).toList()));
    }

    private void gatewayAudit(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new AdminViews.Audit(audit.recent(AuditEntry.GLOBAL, 100).stream().map(AdminViews.AuditView::of).toList()));
    }

    private void listApprovals(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new AdminViews.Approvals(plugins.approvals()));
    }

    private void approve(ServerRequest request, ServerResponse response, String actor) {
        var approved = plugins.approve(Binding.bind(Json.tree(request), ApprovalRequest.class), actor);
        Json.send(response, approved.created() ? 201 : 200, approved);
    }

    private void revoke(ServerRequest request, ServerResponse response, String actor) {
        String sha256 = request.path().pathParameters().get("sha256");
        if (!plugins.revoke(sha256, actor)) {
            throw new GatewayException(ErrorCode.ID_NOT_FOUND, "sha256 " + Routes.shorten(sha256) + " is not approved");
        }
        Json.send(response, 200, java.util.Map.of("sha256", sha256.toLowerCase(java.util.Locale.ROOT), "revoked", true));
    }

    private void deletePlugin(ServerRequest request, ServerResponse response, String actor) {
        var params = request.path().pathParameters();
        Json.send(response, 200, new AdminViews.Plugins(plugins.delete(params.get("id"), params.get("version"), actor)));
    }

    private void listPlugins(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new AdminViews.Plugins(plugins.list()));
    }
}
