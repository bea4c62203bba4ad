package io.coregate.plugin.support.http;

import java.net.URI;
import java.util.Optional;

/** Reads a CBS base URL from a setting. Stateless. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * The setting as an absolute http(s) URL with a host, trailing slashes removed; empty when absent or not such a URL.
     *
     * @param text the setting's value
     */
    public static Optional<URI> parse(Optional<String> text) {
        try {
            return text.map(t -> URI.create(t.strip().replaceAll("/+$", "")))
                .filter(uri -> uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
