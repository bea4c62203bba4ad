package io.coregate.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coregate.gateway.domain.payer.AcceptService;
import io.coregate.gateway.domain.payer.PayerService;
import io.coregate.gateway.domain.tenant.Tenant;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/**
 * The payer routes of the DFSP channels' API (port 3004, under {@code /{tenant}}), each behind {@link DfspAuth}:
 * send-money and merchant-payment (start, then accept or reject the quote) and the status of the tenant's own
 * outbound transfers. Thin: read the body into its record ({@link PayerRequests}), call the domain, send its answer record.
 */
public final class PayerRoutes {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final PayerService payer;
    private final AcceptService accept;
    private final RequestMetrics metrics;

    public PayerRoutes(PayerService payer, AcceptService accept, RequestMetrics metrics) {
        this.payer = payer;
        this.accept = accept;
        this.metrics = metrics;
    }

    /** Adds the payer routes (before the listener's fallbacks), each wrapped in the tenant's API-key check. */
    public void routing(HttpRouting.Builder routing, DfspAuth auth) {
        routing.post("/{tenant}/send-money", timed("send-money.post", auth.guard(this::sendMoney)))
            .put("/{tenant}/send-money/{transferId}", timed("send-money.put", auth.guard((rq, rs, t) -> accept(rq, rs, t, true))))
            .post("/{tenant}/merchant-payment", timed("merchant-payment.post", auth.guard(this::merchantPayment)))
            .put("/{tenant}/merchant-payment/{transferId}", timed("merchant-payment.put", auth.guard((rq, rs, t) -> accept(rq, rs, t, false))))
            .get("/{tenant}/transfers/{transferId}", timed("transfers.get", auth.guard(this::details)));
    }

    private Handler timed(String route, Handler handler) {
        return metrics.timed(Listener.DFSP, route, handler);
    }

    private void sendMoney(ServerRequest request, ServerResponse response, Tenant tenant) {
        ObjectNode body = Json.tree(request);
        Json.send(response, 200, payer.sendMoney(tenant, PayerRequests.sendMoney(map(body), tenant.document()), CanonicalJson.hash(body)));
    }

    private void merchantPayment(ServerRequest request, ServerResponse response, Tenant tenant) {
        ObjectNode body = Json.tree(request);
        Json.send(response, 200, payer.merchantPayment(tenant, PayerRequests.merchantPayment(map(body), tenant.document()),
            CanonicalJson.hash(body)));
    }

    private void accept(ServerRequest request, ServerResponse response, Tenant tenant, boolean send) {
        String transferId = request.path().pathParameters().get("transferId");
        var answer = accept.accept(tenant, PayerRequests.accept(transferId, Json.readObject(request)), send);
        Json.send(response, answer.debitPending() ? 202 : 200, answer);
    }

    private static Map<String, Object> map(ObjectNode body) {
        return Json.MAPPER.convertValue(body, OBJECT);
    }

    private void details(ServerRequest request, ServerResponse response, Tenant tenant) {
        Json.send(response, 200, payer.details(tenant, request.path().pathParameters().get("transferId")));
    }
}
