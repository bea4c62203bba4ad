package io.coregate.plugin.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a plugin may know about the tenant it serves. Immutable.
 * Thread-safe.
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

    /**
     * The timeout an adapter should give each HTTP request to its CBS: {@code cbs.settings.httpTimeoutMillis} when
     * set, else four fifths of {@link #timeout()}, and never more than {@link #timeout()}, so the adapter's own
     * timeout fires first and it can answer {@link FailureKind#TIMEOUT} or {@link FailureKind#UNAVAILABLE} with a
     * message instead of being abandoned by the host. An adapter making several requests per operation divides it.
     *
     * @return a positive duration
     */
    public Duration httpTimeout() {
        long hostMillis = Math.max(1, timeout.toMillis());
        long wanted = settings.number("httpTimeoutMillis", Math.max(1, hostMillis * 4 / 5));
        return Duration.ofMillis(Math.max(1, Math.min(wanted, hostMillis)));
    }
}
