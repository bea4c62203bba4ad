package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.FieldError;

import java.util.List;

/**
 * Asks the plugin a tenant document selects whether it can work with the document, before it is stored: the
 * factory's validation of its settings and secret names, and the party id types the adapter can look up. Each
 * problem is a field of the document, so {@code PUT /admin/tenants/{t}} answers 400 listing them instead of a 503 at
 * the first call. Thread-safe.
 */
@FunctionalInterface
public interface CbsProbe {

    /** A probe that finds nothing (no plugin host). */
    CbsProbe NONE = (id, document) -> List.of();

    /**
     * @param id       the tenant
     * @param document the document, otherwise valid, whose plugin is loaded
     * @return every problem found, each with its field; empty when the plugin accepts the document
     */
    List<FieldError> problems(TenantId id, TenantDocument document);
}
