package io.coregate.plugins.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs the bank's callbacks, as a CBS would, with a short timeout. A callback that cannot be delivered is lost,
 * as on a real network: the outcome is still found by {@code status}. The URL holds the tenant's secret token and is
 * never logged. Stateless and thread-safe.
 */
final class CallbackSender {

    /** How long one delivery may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());

    private CallbackSender() {
    }

    /**
     * Delivers {@code body} to {@code url}.
     *
     * @return the HTTP status, or -1 when it was not delivered
     */
    static int post(String url, String body) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "sandbox callback not delivered: " + e.getClass().getSimpleName());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(System.Logger.Level.WARNING, "sandbox callback interrupted");
            return -1;
        }
    }
}
