package io.coregate.gateway.domain.tenant;

import java.time.Instant;

/**
 * A stored tenant.
 *
 * @param id        its id
 * @param document  its validated document
 * @param enabled   false once deleted (history is kept)
 * @param revision  increases with every change; adapters are re-created when it moves
 * @param updatedAt when it last changed
 */
public record Tenant(TenantId id, TenantDocument document, boolean enabled, long revision, Instant updatedAt) {
}
