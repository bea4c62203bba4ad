package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Issues, lists and revokes tenants' API keys, and authenticates the DFSP channels' {@code X-API-Key}.
 *
 * <p>Lookups are cached per key id for at most {@code cacheFor} (a few seconds), so a key revoked on another replica
 * stops working within that time; a key revoked through this instance stops at once. A missing, malformed, unknown,
 * revoked or wrong key is 401 (all with the same message); a valid key presented on another tenant's path is 403.
 * Hashes are compared in constant time. Thread-safe.
 */
public final class ApiKeys {

    /** How long a key lookup is trusted by default. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(2);

    private static final int MAX_CACHED = 10_000;
    private static final String INVALID = "X-API-Key is not a valid API key";

    private final ApiKeyRepository repository;
    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final LookupCache<StoredApiKey> cache;
    private final ApiKeyCodec codec = new ApiKeyCodec();

    public ApiKeys(ApiKeyRepository repository, TenantRepository tenants, TenantDirectory directory, Duration cacheFor) {
        this(repository, tenants, directory, cacheFor, System::nanoTime);
    }

    ApiKeys(ApiKeyRepository repository, TenantRepository tenants, TenantDirectory directory, Duration cacheFor, LongSupplier nanoClock) {
        this.repository = repository;
        this.tenants = tenants;
        this.directory = directory;
        this.cache = new LookupCache<>(cacheFor, MAX_CACHED, nanoClock);
    }

    /**
     * Issues a key for an enabled tenant; the key is in the answer only, the audit entry names its id.
     *
     * @throws GatewayException 3200 when the tenant is unknown or disabled
     */
    public IssuedApiKey issue(TenantId tenantId, ApiKeyRequest request, String actor) {
        requireEnabled(tenantId);
        Optional<Instant> expiry = request.expiry();
        if (expiry.isPresent() && !expiry.get().isAfter(Instant.now())) {
            throw ValidationException.of("expiresAt", "must be in the future");
        }
        var parts = codec.generate();
        var detail = new LinkedHashMap<String, Object>();
        detail.put("keyId", parts.keyId());
        detail.put("scopes", request.parsedScopes().stream().map(Enum::name).sorted().toList());
        expiry.ifPresent(e -> detail.put("expiresAt", e.toString()));
        var stored = repository.insert(tenantId, parts.keyId(), ApiKeyCodec.hash(parts.secret()), request.parsedScopes(), expiry,
            new AuditEntry(tenantId.value(), actor, "api-key.issue", detail));
        return new IssuedApiKey(parts.keyId(), parts.apiKey(), stored);
    }

    /**
     * Revokes a key; repeating it is harmless and records nothing more.
     *
     * @return when the key was revoked
     * @throws GatewayException 3200 when the tenant or the key is unknown
     */
    public Instant revoke(TenantId tenantId, String keyId, String actor) {
        if (tenants.find(tenantId).isEmpty()) {
            throw unknownTenant(tenantId);
        }
        Optional<Instant> revoked = ApiKeyCodec.isKeyId(keyId)
            ? repository.revoke(tenantId, keyId, new AuditEntry(tenantId.value(), actor, "api-key.revoke", Map.of("keyId", keyId)))
            : Optional.empty();
        cache.forget(keyId);
        return revoked.orElseThrow(() -> new GatewayException(ErrorCode.ID_NOT_FOUND,
            "tenant '" + tenantId + "' has no API key '" + (keyId.length() > 40 ? keyId.substring(0, 40) + "…" : keyId) + "'"));
    }

    /** A tenant's keys (hashes included, never keys), newest first; 3200 when the tenant is unknown. */
    public List<StoredApiKey> list(TenantId tenantId) {
        if (tenants.find(tenantId).isEmpty()) {
            throw unknownTenant(tenantId);
        }
        return repository.list(tenantId);
    }

    /**
     * Resolves the tenant of a DFSP channel request from its path prefix, once the presented key proves the caller
     * may act for it.
     *
     * @param pathTenant the tenant in the request path
     * @param presented  the {@code X-API-Key} header, if any
     * @return the enabled tenant
     * @param needed     the scope the request needs
     * @throws GatewayException 401 (3000) for a missing, invalid, revoked or expired key, 403 (3000) for another tenant's
     *                          key or a key without the scope, 404 (3200)
     *                          when the path's tenant is not hosted or disabled
     */
    public Tenant authenticate(String pathTenant, Optional<String> presented, ApiKeyScope needed) {
        String text = presented.map(String::strip).filter(s -> !s.isEmpty())
            .orElseThrow(() -> new GatewayException(ErrorCode.UNAUTHORIZED, "X-API-Key header with the tenant's API key is required"));
        var parts = ApiKeyCodec.parse(text).orElseThrow(() -> new GatewayException(ErrorCode.UNAUTHORIZED, INVALID));
        StoredApiKey key = cache.get(parts.keyId(), repository::find)
            .filter(k -> k.activeAt(Instant.now()))
            .filter(k -> ApiKeyCodec.matches(parts.secret(), k.hash()))
            .orElseThrow(() -> new GatewayException(ErrorCode.UNAUTHORIZED, INVALID));
        if (!key.tenantId().value().equals(pathTenant)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "this API key does not belong to the tenant in the path");
        }
        if (!key.scopes().contains(needed)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "this API key lacks the " + needed + " scope (it has "
                + key.scopes().stream().map(Enum::name).sorted().toList() + ")");
        }
        return directory.resolve(pathTenant);
    }


    private void requireEnabled(TenantId tenantId) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> unknownTenant(tenantId));
        if (!tenant.enabled()) {
            throw new GatewayException(ErrorCode.ID_NOT_FOUND, "tenant '" + tenantId + "' is disabled");
        }
    }

    private static GatewayException unknownTenant(TenantId tenantId) {
        return new GatewayException(ErrorCode.ID_NOT_FOUND, "tenant '" + tenantId + "' does not exist");
    }
}
