package io.coregate.gateway.domain.access;

import io.coregate.gateway.domain.tenant.AuditEntry;
import io.coregate.gateway.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage port for API keys; every write records its audit entry in the same transaction. Implementations are thread-safe. */
public interface ApiKeyRepository {

    /** Stores a new key and its audit entry; returns it as stored. */
    StoredApiKey insert(TenantId tenantId, String keyId, String hash, Set<ApiKeyScope> scopes, Optional<Instant> expiresAt, AuditEntry audit);

    /**
     * Revokes a key of a tenant. The audit entry is written only when this call revoked it.
     *
     * @return when it was revoked (now, or earlier when it already was); empty when the tenant has no such key
     */
    Optional<Instant> revoke(TenantId tenantId, String keyId, AuditEntry audit);

    /** A key by its id, whichever tenant it belongs to. */
    Optional<StoredApiKey> find(String keyId);

    /** A tenant's keys, newest first. */
    List<StoredApiKey> list(TenantId tenantId);
}
