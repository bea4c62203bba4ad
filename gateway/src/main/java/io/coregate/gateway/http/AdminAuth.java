package io.coregate.gateway.http;

import io.coregate.gateway.domain.access.Operator;
import io.coregate.gateway.domain.access.OperatorTokens;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Authenticates and authorizes every admin request: the bootstrap admin token (compared in constant time, as digests,
 * so length leaks nothing either) acts as {@code admin} with every right; a named operator token acts under its own
 * name within its role ({@link Operator#refusal}). The name returned is what the audit log records; no header can
 * change it.
 */
public final class AdminAuth {

    private static final String BEARER = "Bearer ";
    private final byte[] bootstrap;
    private final OperatorTokens operators;
    private final boolean publicObserve;

    /**
     * @param bootstrapToken the admin token
     * @param operators      the named operator tokens
     * @param publicObserve  whether health details and metrics answer without a token ({@code admin.public-observe})
     */
    public AdminAuth(String bootstrapToken, OperatorTokens operators, boolean publicObserve) {
        this.bootstrap = digest(bootstrapToken);
        this.operators = operators;
        this.publicObserve = publicObserve;
    }

    /** Whether health details and metrics answer without a token. */
    public boolean publicObserve() {
        return publicObserve;
    }

    /** Whether the request carries the admin token or an active operator token, whatever its role. */
    public boolean identifies(ServerRequest request) {
        return operator(request).isPresent();
    }

    /** The identity behind the request's bearer token, if it is the admin token or an active operator token. */
    private Optional<Operator> operator(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.startsWith(BEARER)) {
            return Optional.empty();
        }
        String presented = header.substring(BEARER.length()).strip();
        return MessageDigest.isEqual(bootstrap, digest(presented)) ? Optional.of(Operator.BOOTSTRAP) : operators.authenticate(presented);
    }

    /**
     * Returns who is acting, once the request is allowed for them.
     *
     * @throws GatewayException 401 (3000) when the token is missing, wrong, revoked or expired; 403 (3000) when the
     *                          token's role does not allow the request
     */
    public String authenticate(ServerRequest request) {
        Operator operator = operator(request).orElseThrow(AdminAuth::unauthorized);
        operator.refusal(request.prologue().method().text(), request.path().path()).ifPresent(reason -> {
            throw new GatewayException(ErrorCode.FORBIDDEN, reason);
        });
        return operator.name();
    }

    private static GatewayException unauthorized() {
        return new GatewayException(ErrorCode.UNAUTHORIZED,
            "admin API needs 'Authorization: Bearer <token>' with the admin token or an active operator token");
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
