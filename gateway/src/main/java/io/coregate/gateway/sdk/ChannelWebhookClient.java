package io.coregate.gateway.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.gateway.domain.payer.ChannelWebhook;
import io.coregate.gateway.domain.payer.Outbound;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.json.Mappers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * Posts a pending send's outcome to the tenant's {@code sdk.channelWebhook}: {@code {"transferId", "homeTransactionId",
 * "transferState", "lastError"}} with {@code X-CoreGate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}
 * under the tenant's webhook key ({@link #keyOf}: shown to admins as {@code channelWebhookSecret}). Up to three
 * attempts (1 s, then 2 s apart) on a virtual thread, 5 s each; a 2xx ends them. Thread-safe.
 */
public final class ChannelWebhookClient implements ChannelWebhook {

    private static final System.Logger LOG = System.getLogger(ChannelWebhookClient.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private final Function<TenantId, String> tokens;
    private final ObjectMapper json = Mappers.json();
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param tokens each tenant's secret callback token, from which its webhook key is derived */
    public ChannelWebhookClient(Function<TenantId, String> tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The webhook key of a tenant whose secret token is {@code token}: HMAC-SHA256 of a fixed label, base64url. */
    public static String keyOf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(token.getBytes(StandardCharsets.UTF_8), "channel-webhook"));
    }

    /** The signature header's value for {@code body} sent at {@code seconds} under {@code key}. */
    public static String signature(String key, long seconds, String body) {
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), seconds + "." + body));
    }

    @Override
    public void settled(Tenant tenant, Outbound transfer) {
        var url = tenant.document().sdk().channelWebhook();
        if (url.isEmpty()) {
            return;
        }
        try {
            var body = new LinkedHashMap<String, Object>();
            body.put("transferId", transfer.mojaloopTransferId().orElse(transfer.ref()));
            body.put("homeTransactionId", transfer.transfer().homeTransactionId());
            body.put("transferState", transfer.transfer().state().name());
            transfer.transfer().lastError().ifPresent(error -> body.put("lastError", error));
            String text = json.writeValueAsString(body);
            String key = keyOf(tokens.apply(tenant.id()));
            Thread.ofVirtual().name("channel-webhook").start(() -> deliver(tenant.id(), url.get(), key, text));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": channel webhook not sent: " + e.getMessage());
        }
    }

    private void deliver(TenantId tenant, URI url, String key, String body) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                long seconds = clock.instant().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("X-CoreGate-Signature", signature(key, seconds, body)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                LOG.log(System.Logger.Level.INFO, "tenant " + tenant + ": channel webhook answered " + status + " (attempt " + attempt + ")");
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, "tenant " + tenant + ": channel webhook failed (attempt " + attempt + "): "
                    + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(Duration.ofSeconds(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "tenant " + tenant + ": channel webhook not delivered after " + ATTEMPTS + " attempts");
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
