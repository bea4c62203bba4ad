package io.coregate.gateway.sdk;

import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.tenant.Tenant;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link Connector} over Helidon WebClient, to each tenant's {@code sdk.outboundUrl}. Each call has its own read
 * timeout ({@link SdkClientConfig}). Repeats: a status read as long as it gets no clear answer, with doubling backoff;
 * a {@code POST} or {@code PUT} only when no connection could be opened, so nothing was sent; an accept that was sent
 * and not answered is never repeated, it is {@code Unknown}. Thread-safe: one shared WebClient and its connection pool.
 */
public final class ConnectorClient implements Connector {

    private static final System.Logger LOG = System.getLogger(ConnectorClient.class.getName());
    private static final Pattern TRANSFER_ID = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z-]{0,63}$");

    private final WebClient client;
    private final SdkClientConfig config;

    public ConnectorClient(SdkClientConfig config) {
        this.config = config;
        this.client = WebClient.builder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(false)
            .build();
    }

    @Override
    public ConnectorOutcome postTransfer(Tenant tenant, OutboundTransfer transfer) {
        Optional<URI> base = tenant.document().sdk().outboundUrl();
        if (base.isEmpty()) {
            return noOutboundUrl(tenant);
        }
        Exchange exchange = sendOnce(tenant, Method.POST, uri(base.get(), "transfers"), TransferJson.transferRequest(transfer),
            config.transferTimeout());
        return switch (exchange) {
            case Exchange.Answer answer -> Replies.posted(answer);
            case Exchange.NotSent notSent -> unreachable(notSent);
            case Exchange.Lost lost -> new ConnectorOutcome.Unknown("no answer from the Mojaloop Connector to POST /transfers: " + lost.reason());
        };
    }

    @Override
    public ConnectorOutcome acceptQuote(Tenant tenant, String transferId, boolean accept) {
        Optional<URI> base = tenant.document().sdk().outboundUrl();
        if (base.isEmpty()) {
            return noOutboundUrl(tenant);
        }
        if (!TRANSFER_ID.matcher(transferId).matches()) {
            return badTransferId();
        }
        Exchange exchange = sendOnce(tenant, Method.PUT, uri(base.get(), "transfers/" + transferId), TransferJson.acceptQuote(accept),
            config.acceptTimeout());
        if (!accept) {
            // A quote that is not accepted never becomes a transfer, whatever the connector answered.
            return new ConnectorOutcome.Aborted(transferId, "the payer rejected the quote");
        }
        return switch (exchange) {
            case Exchange.Answer answer -> Replies.accepted(transferId, answer);
            case Exchange.NotSent notSent -> unreachable(notSent);
            case Exchange.Lost lost -> new ConnectorOutcome.Unknown("no answer from the Mojaloop Connector to the accept: " + lost.reason());
        };
    }

    @Override
    public ConnectorOutcome getTransfer(Tenant tenant, String transferId) {
        Optional<URI> base = tenant.document().sdk().outboundUrl();
        if (base.isEmpty()) {
            return noOutboundUrl(tenant);
        }
        if (!TRANSFER_ID.matcher(transferId).matches()) {
            return badTransferId();
        }
        URI uri = uri(base.get(), "transfers/" + transferId);
        String last = "";
        for (int attempt = 1; attempt <= config.statusAttempts(); attempt++) {
            if (attempt > 1 && !pause(attempt)) {
                break;
            }
            Exchange exchange = exchange(Method.GET, uri, Optional.empty(), config.statusTimeout());
            if (exchange instanceof Exchange.Answer answer && !Replies.worthRetrying(answer)) {
                return Replies.status(transferId, answer);
            }
            last = switch (exchange) {
                case Exchange.Answer answer -> "HTTP " + answer.status();
                case Exchange.NotSent notSent -> notSent.reason();
                case Exchange.Lost lost -> lost.reason();
            };
            LOG.log(System.Logger.Level.DEBUG, () -> "tenant " + tenant.id() + ": status read " + transferId + " got no clear answer");
        }
        return new ConnectorOutcome.Unknown("no clear answer from the Mojaloop Connector to GET /transfers/" + transferId + " after "
            + config.statusAttempts() + " attempts: " + last);
    }

    /** A request that is sent at most once; repeated only while no connection can be opened. */
    private Exchange sendOnce(Tenant tenant, Method method, URI uri, byte[] body, Duration timeout) {
        Exchange exchange = exchange(method, uri, Optional.of(body), timeout);
        for (int attempt = 2; attempt <= config.connectAttempts() && exchange instanceof Exchange.NotSent; attempt++) {
            LOG.log(System.Logger.Level.DEBUG, () -> "tenant " + tenant.id() + ": connector unreachable, trying " + method.text() + " again");
            if (!pause(attempt)) {
                break;
            }
            exchange = exchange(method, uri, Optional.of(body), timeout);
        }
        return exchange;
    }

    private Exchange exchange(Method method, URI uri, Optional<byte[]> body, Duration timeout) {
        var request = client.method(method).uri(uri).readTimeout(timeout)
            .header(HeaderValues.ACCEPT_JSON);
        try (HttpClientResponse response = body.isPresent()
                ? request.header(HeaderValues.CONTENT_TYPE_JSON).submit(body.get())
                : request.request()) {
            byte[] bytes = response.entity().hasEntity() ? response.entity().as(byte[].class) : new byte[0];
            return new Exchange.Answer(response.status().code(), bytes);
        } catch (UncheckedIOException e) {
            return classify(e.getCause());
        } catch (RuntimeException e) {
            // Anything else after the request may have left (a connection cut mid-answer, a broken answer): not sent is not proven.
            return new Exchange.Lost(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Exchange classify(IOException cause) {
        if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return new Exchange.NotSent(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return new Exchange.Lost(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private boolean pause(int attempt) {
        try {
            Thread.sleep(config.pauseBefore(attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static URI uri(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    private static ConnectorOutcome noOutboundUrl(Tenant tenant) {
        return new ConnectorOutcome.Failed(ErrorCode.SERVICE_UNAVAILABLE,
            "tenant '" + tenant.id() + "' has no sdk.outboundUrl: it cannot send payments", Optional.empty());
    }

    private static ConnectorOutcome badTransferId() {
        return new ConnectorOutcome.Failed(ErrorCode.VALIDATION, "transferId is not a Mojaloop transfer id", Optional.empty());
    }

    private static ConnectorOutcome unreachable(Exchange.NotSent notSent) {
        return new ConnectorOutcome.Failed(ErrorCode.SERVICE_UNAVAILABLE, "the Mojaloop Connector cannot be reached: " + notSent.reason(),
            Optional.empty());
    }
}
