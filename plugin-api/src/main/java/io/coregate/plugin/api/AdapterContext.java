package io.coregate.plugin.api;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param timeout    the time the host allows a call of a kind without its own entry in {@code timeouts}
 *                   ({@code cbs.timeoutMillis}); adapters size their HTTP timeouts below it
 * @param timeouts   the time the host allows each kind of call ({@code cbs.timeouts}: a lookup is not a posting);
 *                   a kind without an entry gets {@code timeout}
 * @param callbackUrl the tenant's callback base URL, {@code <callbacks.base-url>/<tenant>/callbacks/<token>}, when the
 *                   host offers one: an adapter whose CBS calls back appends its own sub-path ({@code /transactions})
 *                   and hands the result to the CBS (a GSMA {@code X-Callback-URL}); what arrives there is given to
 *                   the adapter's {@link CallbackHandler}. It carries a secret token: never log it. Since 2.1.0.
 */
public record AdapterContext(
        String tenantId,
        String dfspId,
        Set<String> currencies,
        Settings settings,
        Secrets secrets,
        AccountMapping accounts,
        Duration timeout,
        Map<Operation, Duration> timeouts,
        Optional<String> callbackUrl) {

    /**
     * @since 2.1.0
     */
    public AdapterContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(dfspId, "dfspId");
        currencies = Set.copyOf(currencies);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(timeout, "timeout");
        timeouts = Map.copyOf(timeouts);
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    /**
     * Without a callback URL (the 2.0.0 shape).
     *
     * @since 2.0.0
     */
    public AdapterContext(String tenantId, String dfspId, Set<String> currencies, Settings settings, Secrets secrets,
                          AccountMapping accounts, Duration timeout, Map<Operation, Duration> timeouts) {
        this(tenantId, dfspId, currencies, settings, secrets, accounts, timeout, timeouts, Optional.empty());
    }

    /** One timeout for every kind of call (the 1.x shape). */
    public AdapterContext(String tenantId, String dfspId, Set<String> currencies, Settings settings, Secrets secrets,
                          AccountMapping accounts, Duration timeout) {
        this(tenantId, dfspId, currencies, settings, secrets, accounts, timeout, new EnumMap<>(Operation.class),
                Optional.empty());
    }

    /**
     * This context with the given callback base URL (what the host does when it offers callbacks).
     *
     * @param url the tenant's callback base URL
     * @return a copy carrying it
     * @since 2.1.0
     */
    public AdapterContext withCallbackUrl(String url) {
        return new AdapterContext(tenantId, dfspId, currencies, settings, secrets, accounts, timeout, timeouts,
                Optional.of(url));
    }

    /**
     * The time the host allows one call of this kind ({@code cbs.timeouts.<kind>}, else {@link #timeout()}).
     *
     * @since 2.0.0
     */
    public Duration timeout(Operation operation) {
        return timeouts.getOrDefault(operation, timeout);
    }

    /**
     * {@link #httpTimeout()} for one kind of call: four fifths of {@link #timeout(Operation)}, or
     * {@code cbs.settings.httpTimeoutMillis} when set, never more than the host's timeout for that kind.
     *
     * @since 2.0.0
     */
    public Duration httpTimeout(Operation operation) {
        return httpTimeoutWithin(timeout(operation));
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
        return httpTimeoutWithin(timeout);
    }

    private Duration httpTimeoutWithin(Duration host) {
        long hostMillis = Math.max(1, host.toMillis());
        long wanted = settings.number("httpTimeoutMillis", Math.max(1, hostMillis * 4 / 5));
        return Duration.ofMillis(Math.max(1, Math.min(wanted, hostMillis)));
    }
}
