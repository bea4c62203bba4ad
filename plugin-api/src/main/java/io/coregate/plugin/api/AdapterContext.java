package io.coregate.plugin.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a plugin may know about the tenant it serves. Immutable.
 *
 * @param tenantId   the gateway's tenant id (path prefix)
 * @param dfspId     the tenant's Mojaloop participant id
 * @param currencies the currencies the tenant trades in
 * @param settings   the tenant's {@code cbs.settings} object
 * @param secrets    the tenant's {@code cbs.secrets}, resolved on each lookup
 * @param accounts   the tenant's disbursement and collection accounts
 * @param timeout    the time the host allows each call; adapters size their HTTP timeouts below it
 */
public record AdapterContext(
        String tenantId,
        String dfspId,
        Set<String> currencies,
        Settings settings,
        Secrets secrets,
        AccountMapping accounts,
        Duration timeout) {

    public AdapterContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(dfspId, "dfspId");
        currencies = Set.copyOf(currencies);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(timeout, "timeout");
    }
}
