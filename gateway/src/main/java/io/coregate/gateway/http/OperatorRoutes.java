package io.coregate.gateway.http;

import io.coregate.gateway.domain.access.OperatorTokenRequest;
import io.coregate.gateway.domain.access.OperatorTokens;
import io.coregate.gateway.domain.access.StoredOperatorToken;
import io.coregate.gateway.json.Binding;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code /admin/operators}: named operator tokens issued ({@code POST}, the token in that answer only, with
 * {@code Cache-Control: no-store}), listed and revoked without a restart. Registered by {@link AdminRoutes}, whose
 * wrapper authenticates (an administrator writes here; an auditor may list).
 */
public final class OperatorRoutes {

    private final OperatorTokens operators;

    public OperatorRoutes(OperatorTokens operators) {
        this.operators = operators;
    }

    /** Adds the routes, each wrapped by {@code admin} (authentication, authorization, timing). */
    void routing(HttpRouting.Builder routing, BiFunction<String, AdminRoutes.AdminHandler, Handler> admin) {
        routing.post("/admin/operators", admin.apply("operator.issue", this::issue))
            .get("/admin/operators", admin.apply("operator.list", this::list))
            .delete("/admin/operators/{tokenId}", admin.apply("operator.revoke", this::revoke));
    }

    private void issue(ServerRequest request, ServerResponse response, String actor) {
        var issued = operators.issue(Binding.bind(Json.tree(request), OperatorTokenRequest.class), actor);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, 201, new Issued(TokenView.of(issued.stored()), issued.token()));
    }

    private void list(ServerRequest request, ServerResponse response, String actor) {
        Json.send(response, 200, new Tokens(operators.list().stream().map(TokenView::of).toList()));
    }

    private void revoke(ServerRequest request, ServerResponse response, String actor) {
        String tokenId = request.path().pathParameters().get("tokenId");
        Instant at = operators.revoke(tokenId, actor);
        Json.send(response, 200, new Revoked(tokenId, at.toString()));
    }

    /** A token as listed: never the token itself. */
    record TokenView(String tokenId, String name, String role, List<String> tenants, String createdBy, String createdAt,
                     Optional<String> expiresAt, boolean active, Optional<String> revokedAt) {

        static TokenView of(StoredOperatorToken token) {
            return new TokenView(token.tokenId(), token.operator().name(), token.operator().role().name(),
                token.operator().tenants().stream().sorted().toList(), token.createdBy(), token.createdAt().toString(),
                token.expiresAt().map(Instant::toString), token.activeAt(Instant.now()), token.revokedAt().map(Instant::toString));
        }
    }

    /** The answer to {@code POST}: the only one holding the token. */
    record Issued(TokenView operator, String token) {
    }

    /** {@code GET /admin/operators}. */
    record Tokens(List<TokenView> operators) {
    }

    /** The answer to a revocation. */
    record Revoked(String tokenId, String revokedAt) {
    }
}
