package io.coregate.gateway.domain.payee;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.Optional;

/**
 * The payee side's durable quotes (port). Thread-safe; the store enforces the uniqueness of a tenant's quote ids, so
 * concurrent duplicates cannot both be inserted.
 */
public interface QuoteBook {

    /** Stores a quote unless one with its id exists; returns the stored one (this or the earlier). */
    StoredQuote insertQuote(StoredQuote quote);

    /** A tenant's quote by its id. */
    Optional<StoredQuote> findQuote(TenantId tenant, String quoteId);
}
