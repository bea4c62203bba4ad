package io.coregate.plugin.support.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call: method, address, headers, body and the deadline for the whole answer (status, headers and body).
 *
 * <p>Only idempotent requests are ever sent more than once: a {@code GET}/{@code HEAD}, or a request
 * {@link #idempotent marked idempotent} with the idempotency key the vendor de-duplicates on. A {@code POST} without a
 * key is sent exactly once, whatever happens. Immutable.
 *
 * @param method         the HTTP method, upper case
 * @param uri            the absolute address
 * @param headers        extra request headers
 * @param body           what is sent
 * @param timeout        the deadline of this call (per attempt)
 * @param idempotencyKey the key the vendor de-duplicates this request on, when it has one
 */
public record JsonRequest(String method, URI uri, Map<String, String> headers, Body body, Duration timeout,
                          Optional<String> idempotencyKey) {

    /** A request body. */
    public sealed interface Body {
        /** No body. */
        record None() implements Body {
        }

        /** A value Jackson serializes to JSON ({@code application/json}). */
        record Json(Object value) implements Body {
            public Json {
                Objects.requireNonNull(value, "value");
            }
        }

        /** Form fields ({@code application/x-www-form-urlencoded}) in their given order, e.g. an OAuth2 token request. */
        record Form(Map<String, String> fields) implements Body {
            public Form {
                fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            }
        }
    }

    public JsonRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        headers = Map.copyOf(headers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri must be absolute: " + uri);
        }
    }

    /** A {@code GET}: idempotent, retried on connection failures, timeouts and 502/503/504. */
    public static JsonRequest get(URI uri, Duration timeout) {
        return new JsonRequest("GET", uri, Map.of(), new Body.None(), timeout, Optional.empty());
    }

    /** A {@code POST} of a JSON body: sent once unless {@link #idempotent marked idempotent}. */
    public static JsonRequest post(URI uri, Object json, Duration timeout) {
        return new JsonRequest("POST", uri, Map.of(), new Body.Json(json), timeout, Optional.empty());
    }

    /** A {@code POST} of form fields: sent once. */
    public static JsonRequest postForm(URI uri, Map<String, String> fields, Duration timeout) {
        return new JsonRequest("POST", uri, Map.of(), new Body.Form(fields), timeout, Optional.empty());
    }

    /** This request with one more header (replacing one of the same name). */
    public JsonRequest header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new JsonRequest(method, uri, copy, body, timeout, idempotencyKey);
    }

    /**
     * This request marked idempotent: the vendor de-duplicates on {@code key} (a per-leg key from
     * {@link io.coregate.plugin.support.keys.LegKeys}), sent in the header {@code headerName}, so it may be retried.
     * When the vendor carries the key in the body instead, put it there too; the header is sent either way.
     */
    public JsonRequest idempotent(String headerName, String key) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("an idempotency key must not be blank");
        }
        return header(headerName, key).withKey(key);
    }

    /** This request with another deadline. */
    public JsonRequest timeout(Duration newTimeout) {
        return new JsonRequest(method, uri, headers, body, newTimeout, idempotencyKey);
    }

    /** Whether sending it twice has the effect of sending it once. */
    public boolean retryable() {
        return method.equals("GET") || method.equals("HEAD") || idempotencyKey.isPresent();
    }

    private JsonRequest withKey(String key) {
        return new JsonRequest(method, uri, headers, body, timeout, Optional.of(key));
    }
}
