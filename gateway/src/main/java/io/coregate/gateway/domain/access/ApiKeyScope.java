package io.coregate.gateway.domain.access;

/** What a DFSP API key may do on the dfsp listener (3004). */
public enum ApiKeyScope {
    /** Start and accept transfers: every method but {@code GET}/{@code HEAD}. */
    SEND,
    /** Read transfers: {@code GET}/{@code HEAD}. */
    READ;

    /** The scope a request with this HTTP method needs. */
    public static ApiKeyScope forMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? READ : SEND;
    }
}
