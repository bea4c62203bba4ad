package io.coregate.gateway.domain.cbs;

import io.coregate.plugin.api.CallbackHandler;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a tenant's CBS made to the tenant's callback address, as received. Immutable.
 *
 * @param method  the HTTP method
 * @param subPath what followed the token in the path ({@code /transactions}), or empty
 * @param headers the request headers, names in lower case (handed to the adapter, never stored)
 * @param body    the body as text; characters PostgreSQL text cannot hold (NUL) are replaced
 */
public record ReceivedCallback(String method, String subPath, Map<String, List<String>> headers, String body) {

    public ReceivedCallback {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(subPath, "subPath");
        headers = Map.copyOf(headers);
        body = body.replace('\u0000', '\uFFFD');
    }

    /** What the adapter is given. */
    CallbackHandler.Callback forAdapter() {
        return new CallbackHandler.Callback(method, subPath, headers, body);
    }
}
