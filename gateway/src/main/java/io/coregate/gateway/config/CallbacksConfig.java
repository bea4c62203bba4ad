package io.coregate.gateway.config;

import io.helidon.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where tenants' CBSs call back ({@code callbacks.*}).
 *
 * @param baseUrl {@code callbacks.base-url} (env {@code CALLBACKS_BASE_URL} or {@code CALLBACKS_BASE_dash_URL}): the
 *                address of the dfsp listener as the CBSs reach it, {@code http(s)://host[:port][/path]} without a trailing
 *                slash; a tenant's callback address is {@code <base-url>/<tenant>/callbacks/<token>}. Unset: the dfsp
 *                listener on {@code localhost} (its bound port; https when it serves TLS)
 */
public record CallbacksConfig(Optional<String> baseUrl) {

    /**
     * Reads {@code callbacks.*}.
     *
     * @throws ConfigException naming the key when the URL is not an absolute http(s) URL without query or fragment
     */
    public static CallbacksConfig load(Config config) {
        Optional<String> raw = text(config, "callbacks.base-url").or(() -> text(config, "callbacks.base.url"));
        return new CallbacksConfig(raw.map(CallbacksConfig::checked));
    }

    /** The base URL: the configured one, else the dfsp listener on localhost. */
    public String baseUrlOr(boolean tls, int dfspPort) {
        return baseUrl.orElseGet(() -> (tls ? "https" : "http") + "://localhost:" + dfspPort);
    }

    private static String checked(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException("callbacks.base-url must be an absolute http or https URL without query or fragment, was '"
                    + url + "'");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new ConfigException("callbacks.base-url is not a URL: '" + url + "'");
        }
    }

    private static Optional<String> text(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::strip).filter(s -> !s.isEmpty());
    }
}
