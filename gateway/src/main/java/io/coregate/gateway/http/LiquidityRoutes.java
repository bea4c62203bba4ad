package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.JournalEntry;
import io.coregate.gateway.domain.ledger.LedgerResult;
import io.coregate.gateway.domain.ledger.LiquidityService;
import io.coregate.gateway.domain.tenant.TenantId;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
        var body = new LinkedHashMap<String, Object>();
        body.put("tenantId", tenant.value());
        body.put("liquidity", liquidity.balances(tenant).stream().map(LiquidityRoutes::view).toList());
        Json.send(response, 200, body);
    }

    private void setLimit(ServerRequest request, ServerResponse response, String actor) {
        LedgerResult result = liquidity.setLimit(tenant(request), currency(request), Json.readObject(request), actor);
        Json.send(response, 200, view(result.balance()));
    }

    private void adjust(ServerRequest request, ServerResponse response, String actor) {
        LedgerResult result = liquidity.adjust(tenant(request), currency(request), Json.readObject(request), actor);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", result.operation().name());
        body.put("reference", result.reference());
        body.put("applied", result.applied());
        body.put("message", result.message());
        body.put("balance", view(result.balance()));
        Json.send(response, result.applied() ? 201 : 200, body);
    }

    private void journal(ServerRequest request, ServerResponse response, String actor) {
        int limit = request.query().first("limit").map(LiquidityRoutes::limit).orElse(100);
        var entries = liquidity.journal(tenant(request), currency(request), limit).stream().map(LiquidityRoutes::view).toList();
        Json.send(response, 200, Map.of("entries", entries));
    }

    private void check(ServerRequest request, ServerResponse response, String actor) {
        var differences = liquidity.check().stream().map(d -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("tenantId", d.tenant().value());
            body.put("currency", d.currency());
            body.put("figure", d.figure());
            body.put("stored", d.stored().toPlainString());
            body.put("recomputed", d.recomputed().toPlainString());
            return body;
        }).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("consistent", differences.isEmpty());
        body.put("checkedAt", Instant.now().toString());
        body.put("differences", differences);
        Json.send(response, 200, body);
    }

    private static TenantId tenant(ServerRequest request) {
        return new TenantId(request.path().pathParameters().get("tenant"));
    }

    private static String currency(ServerRequest request) {
        return request.path().pathParameters().get("currency");
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of("limit", "must be a whole number from 1 to 1000");
        }
    }

    private static Map<String, Object> view(Balance balance) {
        var body = new LinkedHashMap<String, Object>();
        body.put("currency", balance.currency());
        body.put("limit", balance.limit().toPlainString());
        body.put("reserved", balance.reserved().toPlainString());
        body.put("position", balance.position().toPlainString());
        body.put("available", balance.available().toPlainString());
        body.put("alarmPercent", balance.alarmPercent());
        body.put("alarm", balance.alarm());
        balance.maxPerTransfer().ifPresent(max -> body.put("maxPerTransfer", max.toPlainString()));
        return body;
    }

    private static Map<String, Object> view(JournalEntry entry) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", entry.id());
        body.put("at", entry.at().toString());
        body.put("operation", entry.operation().name());
        body.put("stripe", entry.stripe());
        body.put("reference", entry.reference());
        body.put("amount", entry.amount().toPlainString());
        body.put("before", figures(entry.before()));
        body.put("after", figures(entry.after()));
        body.put("actor", entry.actor());
        return body;
    }

    private static Map<String, Object> figures(JournalEntry.Figures figures) {
        var body = new LinkedHashMap<String, Object>();
        body.put("limit", figures.limit().toPlainString());
        body.put("position", figures.position().toPlainString());
        body.put("reserved", figures.reserved().toPlainString());
        body.put("available", figures.limit().subtract(figures.position()).subtract(figures.reserved()).toPlainString());
        return body;
    }
}
