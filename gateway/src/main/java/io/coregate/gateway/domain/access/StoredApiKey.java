package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * An API key as stored: never the key itself, only the hash of its secret part.
 *
 * @param tenantId  the tenant the key belongs to
 * @param keyId     the key's public id (also the key's prefix)
 * @param hash      lower-case hex SHA-256 of the key's secret part
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; a revoked key never works again
 */
public record StoredApiKey(TenantId tenantId, String keyId, String hash, Instant createdAt, Optional<Instant> revokedAt) {

    /** True until revoked. */
    public boolean active() {
        return revokedAt.isEmpty();
    }

    @Override
    public String toString() {
        return "StoredApiKey[" + tenantId + "/" + keyId + (active() ? "" : ", revoked") + "]";
    }
}
