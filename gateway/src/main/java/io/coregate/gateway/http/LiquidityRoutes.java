package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.ledger.AdjustmentRequest;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LimitRequest;
import io.coregate.gateway.domain.ledger.LiquidityService;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.json.Binding;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The operators' liquidity API under {@code /admin}: balances, limits, adjustments, the journal and the ledger check.
 * Registered by {@link AdminRoutes}, whose wrapper authenticates every request and times it. Amounts are plain decimal
 * strings. Thread-safe.
 */
public final class LiquidityRoutes {

    private static final String BASE = "/admin/tenants/{tenant}/liquidity";

    private final LiquidityService liquidity;

    public LiquidityRoutes(LiquidityService liquidity) {
        this.liquidity = liquidity;
    }

    /** Adds the routes; {@code admin} wraps a handler with the admin authentication and request metrics. */
    void routing(HttpRouting.Builder routing, BiFunction<String, AdminRoutes.AdminHandler, Handler> admin) {
        routing.get(BASE, admin.apply("liquidity.get", this::balances))
            .put(BASE + "/{currency}", admin.apply("liquidity.put", this::setLimit))
            .post(BASE + "/{currency}/adjustments", admin.apply("liquidity.adjust", this::adjust))
            .get(BASE + "/{currency}/journal", admin.apply("liquidity.journal", this::journal))
            .get("/admin/ledger/check", admin.apply("ledger.check", this::check));
    }

    private void balances(ServerRequest request, ServerResponse response, String actor) {
        TenantId tenant = tenant(request);
        Json.send(response, 200, new LiquidityViews.Balances(tenant.value(),
            liquidity.balances(tenant).stream().map(LiquidityViews.BalanceView::of).toList()));
    }

    private void setLimit(ServerRequest request, ServerResponse response, String actor) {
        LimitRequest body = Binding.bind(Json.tree(request), LimitRequest.class);
        LedgerResult result = liquidity.setLimit(tenant(request), currency(request), body, actor);
        Json.send(response, 200, LiquidityViews.BalanceView.of(result.balance()));
    }

    private void adjust(ServerRequest request, ServerResponse response, String actor) {
        AdjustmentRequest body = Binding.bind(Json.tree(request), AdjustmentRequest.class);
        LedgerResult result = liquidity.adjust(tenant(request), currency(request), body, actor);
        Json.send(response, result.applied() ? 201 : 200, LiquidityViews.Adjusted.of(result));
    }

    private void journal(ServerRequest request, ServerResponse response, String actor) {
        int limit = request.query().first("limit").map(LiquidityRoutes::limit).orElse(100);
        var entries = liquidity.journal(tenant(request), currency(request), limit).stream().map(LiquidityViews.EntryView::of).toList();
        Json.send(response, 200, new LiquidityViews.Journal(entries));
    }

    private void check(ServerRequest request, ServerResponse response, String actor) {
        var differences = liquidity.check().stream().map(LiquidityViews.DifferenceView::of).toList();
        Json.send(response, 200, new LiquidityViews.LedgerCheck(differences.isEmpty(), Instant.now().toString(), differences));
    }

    private static TenantId tenant(ServerRequest request) {
        return new TenantId(request.path().pathParameters().get("tenant"));
    }

    private static String currency(ServerRequest request) {
        return request.path().pathParameters().get("currency");
    }

    /** A {@code ?limit=} query parameter: a whole number from 1 to 1000, else 400 naming it. */
    static int limit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 1000) {
            throw ValidationException.of("limit", "must be a whole number from 1 to 1000, was '" + Routes.shorten(text) + "'");
        }
        return limit;
    }
}
