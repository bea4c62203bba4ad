package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.payee.PayeeTransferService;
import io.coregate.gateway.domain.payee.QuoteRequestBody;
import io.coregate.gateway.domain.payee.QuoteService;
import io.coregate.gateway.domain.payee.TransferNotifications;
import io.coregate.gateway.domain.payee.TransferRequestBody;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The payee routes of the backend API (port 3003, under {@code /{tenant}}): quotes, transfers, completion
 * notifications and transfer status; FX, bulk, transaction-request, OTP, participants and request-to-pay routes
 * answer 2002. Thin: parse, call the domain, send.
 */
public final class PayeeRoutes {

    private final TenantDirectory tenants;
    private final QuoteService quotes;
    private final PayeeTransferService transfers;
    private final TransferNotifications notifications;
    private final RequestMetrics metrics;

    public PayeeRoutes(TenantDirectory tenants, QuoteService quotes, PayeeTransferService transfers, TransferNotifications notifications,
                       RequestMetrics metrics) {
        this.tenants = tenants;
        this.quotes = quotes;
        this.transfers = transfers;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /** Adds the payee routes (before the listener's fallback). */
    public void routing(HttpRouting.Builder routing) {
        routing.post("/{tenant}/quoterequests", timed("quoterequests", this::quote))
            .post("/{tenant}/transfers", timed("transfers.post", this::prepare))
            .put("/{tenant}/transfers/{transferId}", timed("transfers.put", this::notification))
            .get("/{tenant}/transfers/{transferId}", timed("transfers.get", this::details))
            .post("/{tenant}/fxQuotes", notImplemented("FX quotes"))
            .post("/{tenant}/fxTransfers", notImplemented("FX transfers"))
            .put("/{tenant}/fxTransfers/{commitRequestId}", notImplemented("FX transfers"))
            .patch("/{tenant}/fxTransfers/{commitRequestId}", notImplemented("FX transfers"))
            .post("/{tenant}/bulkQuotes", notImplemented("bulk quotes"))
            .get("/{tenant}/bulkQuotes/{idValue}", notImplemented("bulk quotes"))
            .put("/{tenant}/bulkTransactions/{bulkTransactionId}", notImplemented("bulk transactions"))
            .post("/{tenant}/bulkTransfers", notImplemented("bulk transfers"))
            .get("/{tenant}/bulkTransfers/{idValue}", notImplemented("bulk transfers"))
            .post("/{tenant}/transactionrequests", notImplemented("transaction requests"))
            .get("/{tenant}/otp/{transactionRequestId}", notImplemented("OTP"))
            .get("/{tenant}/participants/{idType}/{idValue}", notImplemented("participant lookup"))
            .get("/{tenant}/participants/{idType}/{idValue}/{idSubValue}", notImplemented("participant lookup"))
            .put("/{tenant}/requestToPay/{transactionRequestId}", notImplemented("request to pay"));
    }

    private Handler timed(String route, Handler handler) {
        return metrics.timed(Listener.SDK, route, handler);
    }

    private Tenant tenant(ServerRequest request) {
        return tenants.resolve(request.path().pathParameters().get("tenant"));
    }

    private void quote(ServerRequest request, ServerResponse response) {
        Tenant tenant = tenant(request);
        var quote = Json.read(request, QuoteRequestBody.class);
        Json.send(response, 200, quotes.quote(tenant, quote.value(), quote.hash()));
    }

    private void prepare(ServerRequest request, ServerResponse response) {
        Tenant tenant = tenant(request);
        var transfer = Json.read(request, TransferRequestBody.class);
        Json.send(response, 200, transfers.prepare(tenant, transfer.value(), transfer.hash()));
    }

    private void notification(ServerRequest request, ServerResponse response) {
        Tenant tenant = tenant(request);
        String transferId = request.path().pathParameters().get("transferId");
        notifications.notify(tenant, transferId, NotificationReader.read(Json.tree(request)));
        // The spec's 200 has no body; an empty answer (Content-Length 0) is what the Connector reads as success.
        response.header(HeaderNames.CONTENT_LENGTH, "0");
        response.send();
    }

    private void details(ServerRequest request, ServerResponse response) {
        Tenant tenant = tenant(request);
        Json.send(response, 200, transfers.details(tenant, request.path().pathParameters().get("transferId")));
    }

    private Handler notImplemented(String what) {
        return metrics.timed(Listener.SDK, "not-implemented", (request, response) -> {
            tenant(request);
            throw new GatewayException(ErrorCode.NOT_IMPLEMENTED, what + ": not implemented by this gateway");
        });
    }
}
