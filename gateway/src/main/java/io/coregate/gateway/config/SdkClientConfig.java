package io.coregate.gateway.config;

import io.helidon.config.Config;

import java.time.Duration;

/**
 * How the gateway calls each tenant's Mojaloop Connector outbound API ({@code sdk.client.*}).
 *
 * @param connectTimeout  opening a connection
 * @param transferTimeout {@code POST /transfers}: party lookup plus quote at the hub; longer than the connector's own
 *                        wait for both, so the connector answers 504 before the gateway gives up
 * @param acceptTimeout   {@code PUT /transfers/{id}}: the transfer at the hub; longer than the connector's own wait
 * @param statusTimeout   {@code GET /transfers/{id}}, per attempt
 * @param statusAttempts  attempts of a status read (safe to repeat)
 * @param connectAttempts attempts of a {@code POST}/{@code PUT} whose connection could not be opened (nothing sent);
 *                        a request that was sent is never repeated
 * @param retryBackoff    pause before the first repeat, doubled for each later one
 */
public record SdkClientConfig(Duration connectTimeout, Duration transferTimeout, Duration acceptTimeout, Duration statusTimeout,
                              int statusAttempts, int connectAttempts, Duration retryBackoff) {

    /**
     * Reads {@code sdk.client.*}.
     *
     * @throws ConfigException naming the first invalid key
     */
    public static SdkClientConfig load(Config config) {
        return new SdkClientConfig(
            millis(config, "sdk.client.connect-timeout-millis", 2_000),
            millis(config, "sdk.client.transfer-timeout-millis", 65_000),
            millis(config, "sdk.client.accept-timeout-millis", 65_000),
            millis(config, "sdk.client.status-timeout-millis", 10_000),
            (int) ConfigLoader.number(config, "sdk.client.status-attempts", 3, 1, 10),
            (int) ConfigLoader.number(config, "sdk.client.connect-attempts", 2, 1, 10),
            Duration.ofMillis(ConfigLoader.number(config, "sdk.client.retry-backoff-millis", 200, 0, 60_000)));
    }

    private static Duration millis(Config config, String key, long defaultValue) {
        return Duration.ofMillis(ConfigLoader.number(config, key, defaultValue, 1, 600_000));
    }

    /** The pause before attempt {@code attempt} (2 or more): {@link #retryBackoff}, doubled for each later attempt. */
    public Duration pauseBefore(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt - 2, 10));
    }

    /** The longest a status read can take: every attempt timing out, with the pauses between them. */
    public Duration statusReadWorstCase() {
        Duration total = statusTimeout.multipliedBy(statusAttempts);
        for (int attempt = 2; attempt <= statusAttempts; attempt++) {
            total = total.plus(pauseBefore(attempt));
        }
        return total;
    }
}
