package io.coregate.gateway.config;

import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.helidon.config.Config;

import java.time.Duration;

/** Reads the {@code transfers.*} keys into a validated {@link TransferPolicy}. */
public final class TransfersConfig {

    private TransfersConfig() {
    }

    /**
     * @param config the root config node
     * @return the policy
     * @throws ConfigException naming the first invalid key
     */
    public static TransferPolicy load(Config config) {
        return new TransferPolicy(
            Duration.ofSeconds(number(config, "transfers.quote-expiry-seconds", 60, 1, 86_400)),
            Duration.ofSeconds(number(config, "transfers.reserved-grace-seconds", 300, 0, 604_800)),
            Duration.ofSeconds(number(config, "transfers.reconcile.interval-seconds", 5, 1, 3_600)),
            Duration.ofMillis(number(config, "transfers.reconcile.base-delay-millis", 1_000, 1, 3_600_000)),
            Duration.ofSeconds(number(config, "transfers.reconcile.max-delay-seconds", 300, 1, 86_400)),
            (int) number(config, "transfers.reconcile.max-attempts", 20, 1, 1_000),
            Duration.ofMillis(number(config, "transfers.lease-millis", 15_000, 100, 600_000)));
    }

    private static long number(Config config, String key, long defaultValue, long min, long max) {
        return ConfigLoader.number(config, key, defaultValue, min, max);
    }
}
