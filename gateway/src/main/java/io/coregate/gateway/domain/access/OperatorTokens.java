package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issues, lists and revokes named operator tokens, and authenticates them on the admin API. Tokens have the API key
 * format ({@code <tokenId>.<secret>}, only the secret's SHA-256 stored). Lookups are cached per token id for at most
 * {@code cacheFor}, so a token revoked on another replica stops working within that time; one revoked through this
 * instance stops at once. Issuing or revoking needs no restart. Thread-safe.
 */
public final class OperatorTokens {

    /** How long a token lookup is trusted by default. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(2);

    private static final int MAX_CACHED = 1_000;

    private final OperatorTokenRepository repository;
    private final TenantRepository tenants;
    private final Clock clock;
    private final ApiKeyCodec codec = new ApiKeyCodec();
    private final LookupCache<StoredOperatorToken> cache;

    public OperatorTokens(OperatorTokenRepository repository, TenantRepository tenants, Duration cacheFor, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.cache = new LookupCache<>(cacheFor, MAX_CACHED, System::nanoTime);
        this.clock = clock;
    }

    /**
     * Issues a token; it is in the answer only, the audit entry names its id, name and role.
     *
     * @throws ValidationException 3100 for an unknown tenant or a past expiry
     */
    public IssuedOperatorToken issue(OperatorTokenRequest request, String actor) {
        List<String> scope = request.tenants() == null ? List.of() : request.tenants();
        for (int i = 0; i < scope.size(); i++) {
            String tenant = scope.get(i);
            if (tenant == null || !TenantId.isValid(tenant) || tenants.find(new TenantId(tenant)).isEmpty()) {
                throw ValidationException.of("tenants/" + i, "tenant '" + (tenant == null ? "" : tenant) + "' does not exist");
            }
        }
        Optional<Instant> expiry = request.expiry();
        if (expiry.isPresent() && !expiry.get().isAfter(clock.instant())) {
            throw ValidationException.of("expiresAt", "must be in the future");
        }
        var operator = new Operator(request.name(), request.parsedRole(), Set.copyOf(scope));
        var parts = codec.generate();
        var detail = new LinkedHashMap<String, Object>();
        detail.put("tokenId", parts.keyId());
        detail.put("name", operator.name());
        detail.put("role", operator.role().name());
        detail.put("tenants", scope);
        expiry.ifPresent(e -> detail.put("expiresAt", e.toString()));
        var stored = repository.insert(parts.keyId(), operator, ApiKeyCodec.hash(parts.secret()), expiry, actor,
            new AuditEntry(AuditEntry.GLOBAL, actor, "operator.issue", detail));
        return new IssuedOperatorToken(stored, parts.apiKey());
    }

    /** Every token (never the tokens themselves), newest first. */
    public List<StoredOperatorToken> list() {
        return repository.list();
    }

    /**
     * Revokes a token; it stops working on this replica at once, on the others within the cache time.
     *
     * @return when it was revoked
     * @throws GatewayException 3200 when no active token has that id
     */
    public Instant revoke(String tokenId, String actor) {
        Optional<Instant> revoked = ApiKeyCodec.isKeyId(tokenId)
            ? repository.revoke(tokenId, new AuditEntry(AuditEntry.GLOBAL, actor, "operator.revoke", Map.of("tokenId", tokenId)))
            : Optional.empty();
        cache.forget(tokenId);
        return revoked.orElseThrow(() -> new GatewayException(ErrorCode.ID_NOT_FOUND,
            "no active operator token '" + (tokenId.length() > 40 ? tokenId.substring(0, 40) + "…" : tokenId) + "'"));
    }

    /** The operator a presented bearer token belongs to, when it is a valid, active operator token. */
    public Optional<Operator> authenticate(String presented) {
        var parts = ApiKeyCodec.parse(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return cache.get(parts.get().keyId(), repository::find)
            .filter(token -> token.activeAt(now))
            .filter(token -> ApiKeyCodec.matches(parts.get().secret(), token.hash()))
            .map(StoredOperatorToken::operator);
    }
}
