package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.TenantId;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each tenant's callback address, {@code <base-url>/<tenant>/callbacks/<token>}: the token is 192 random bits
 * (base64url), made the first time the tenant needs one and kept across document revisions. The token is a secret:
 * it is compared in constant time and never logged. Thread-safe.
 */
public final class CallbackUrls {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<String> baseUrl;
    private final CallbackTokens tokens;

    /** @param baseUrl {@code callbacks.base-url}, without a trailing slash (read on each use: a default names a bound port) */
    public CallbackUrls(Supplier<String> baseUrl, CallbackTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** The tenant's callback base URL, creating its token when it has none. */
    public String urlOf(TenantId tenant) {
        String token = tokenOf(tenant);
        return baseUrl.get() + "/" + tenant.value() + "/callbacks/" + token;
    }

    /** The tenant's secret token, creating it when it has none (the channel webhook's key is derived from it). */
    public String tokenOf(TenantId tenant) {
        return tokens.find(tenant).orElseGet(() -> tokens.ensure(tenant, freshToken()));
    }

    /** Whether {@code presented} is the tenant's token (false when it has none), compared in constant time. */
    public boolean admits(TenantId tenant, String presented) {
        Optional<String> token = tokens.find(tenant);
        return token.isPresent() && MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
    }

    static String freshToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
