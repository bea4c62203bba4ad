package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.Optional;

/** Each tenant's callback token, kept across document revisions. Thread-safe. */
public interface CallbackTokens {

    /** The tenant's token, if it has one. */
    Optional<String> find(TenantId tenant);

    /**
     * The tenant's token, creating {@code fresh} as its token when it has none (a concurrent creation wins once).
     *
     * @return the token the tenant has from now on
     */
    String ensure(TenantId tenant, String fresh);
}
