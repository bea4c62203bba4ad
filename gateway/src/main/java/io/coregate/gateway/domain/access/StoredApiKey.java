package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only the hash of its secret part.
 *
 * @param tenantId  the tenant the key belongs to
 * @param keyId     the key's public id (also the key's prefix)
 * @param hash      lower-case hex SHA-256 of the key's secret part
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; a revoked key never works again
 * @param scopes    what it may do
 * @param expiresAt when it stops working, if ever
 */
public record StoredApiKey(TenantId tenantId, String keyId, String hash, Instant createdAt, Optional<Instant> revokedAt,
                           Set<ApiKeyScope> scopes, Optional<Instant> expiresAt) {

    public StoredApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** True until revoked (expiry aside). */
    public boolean active() {
        return revokedAt.isEmpty();
    }

    /** True when neither revoked nor expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return active() && expiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "StoredApiKey[" + tenantId + "/" + keyId + (active() ? "" : ", revoked") + "]";
    }
}
