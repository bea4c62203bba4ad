package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks the admin bearer token in constant time (digests are compared, so length leaks nothing either). */
public final class AdminAuth {

    private static final String BEARER = "Bearer ";
    private final byte[] expected;

    public AdminAuth(String token) {
        this.expected = digest(token);
    }

    /**
     * Returns who is acting ({@code X-Actor} header, else {@code admin}).
     *
     * @throws GatewayException 401 when the token is missing or wrong
     */
    public String authenticate(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.startsWith(BEARER) || !MessageDigest.isEqual(expected, digest(header.substring(BEARER.length()).strip()))) {
            throw new GatewayException(ErrorCode.UNAUTHORIZED, "admin API needs 'Authorization: Bearer <admin token>'");
        }
        String actor = request.headers().first(HeaderNames.create("X-Actor")).orElse("admin").strip();
        return actor.isEmpty() || actor.length() > 64 || !actor.matches("[\\w@.+ -]+") ? "admin" : actor;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
