package io.coregate.gateway.config;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads and validates {@link GatewayConfig} from Helidon config. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Reads every key, validating as it goes.
     *
     * @param config the root config node
     * @param defaultBundledDir where bundled plugins are when {@code plugins.bundled-dir} is unset
     * @return the frozen configuration
     * @throws ConfigException naming the first invalid key
     */
    public static GatewayConfig load(Config config, Path defaultBundledDir) {
        var listeners = new GatewayConfig.Listeners(
                text(config, "server.host", "0.0.0.0"),
                port(config, "server.port", 8080),
                port(config, "sdk.port", 3003),
                port(config, "dfsp.port", 3004),
                number(config, "limits.max-payload-bytes", 65_536, 1_024, 100_000_000),
                number(config, "limits.max-admin-payload-bytes", 52_428_800, 1_024, 1_000_000_000),
                number(config, "limits.discard-bytes", 8L << 20, 0, 1_000_000_000),
                Duration.ofMillis(number(config, "limits.read-timeout-millis", 30_000, 100, 3_600_000)),
                tenantLimits(config));
        var db = new GatewayConfig.Db(
                optional(config, "db.url").map(url -> {
                    if (!url.startsWith("jdbc:postgresql:")) {
                        throw new ConfigException("db.url must be a jdbc:postgresql: URL");
                    }
                    return url;
                }),
                text(config, "db.user", "postgres"),
                password(config),
                identifier(config, "db.schema", "public"),
                (int) number(config, "db.pool-size", 16, 1, 500),
                path(config, "db.embedded.data-dir", "data/postgres"),
                (int) number(config, "db.embedded.port", 0, 0, 65_535),
                new DbTimeouts(
                        Duration.ofSeconds(number(config, "db.connect-timeout-seconds", 5, 1, 300)),
                        Duration.ofSeconds(number(config, "db.socket-timeout-seconds", 30, 1, 3_600)),
                        Duration.ofMillis(number(config, "db.statement-timeout-millis", 15_000, 100, 3_600_000)),
                        Duration.ofMillis(number(config, "db.lock-timeout-millis", 5_000, 100, 3_600_000)),
                        Duration.ofMillis(number(config, "db.pool-wait-millis", 5_000, 250, 300_000)),
                        Duration.ofMillis(number(config, "db.ready-timeout-millis", 2_000, 250, 60_000))));
        var plugins = new GatewayConfig.Plugins(
                path(config, "plugins.dir", "data/plugins"),
                optional(config, "plugins.bundled-dir").map(Path::of).orElse(defaultBundledDir),
                checksums(config, "plugins.allowed-sha256"),
                Duration.ofMillis(number(config, "plugins.scan-millis", 1_000, 100, 60_000)),
                Duration.ofSeconds(number(config, "plugins.sync-seconds", 5, 1, 3_600)),
                flag(config, "plugins.require-approval", !db.embedded()));
        var admin = new GatewayConfig.Admin(
                optional(config, "admin.token").map(token -> {
                    if (token.length() < 16) {
                        throw new ConfigException("admin.token must be at least 16 characters");
                    }
                    return token;
                }),
                path(config, "admin.token-file", "data/admin-token"),
                flag(config, "admin.public-observe", db.embedded()));
        var tenants = new GatewayConfig.Tenants(
                path(config, "tenants.bootstrap-dir", "config/tenants"),
                Duration.ofSeconds(number(config, "tenants.refresh-seconds", 5, 1, 3_600)),
                path(config, "tenants.secrets-dir", "/etc/coregate/tenant-secrets"));
        var ledger = new GatewayConfig.Ledger(Duration.ofSeconds(number(config, "ledger.sweep-seconds", 5, 1, 3_600)));
        return new GatewayConfig(listeners, db, plugins, admin, tenants, ledger);
    }

    /** {@code db.password}, or the content of {@code db.password-file} (a mounted Secret) without its trailing newline. */
    private static boolean flag(Config config, String key, boolean fallback) {
        return optional(config, key).map(text -> switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key + " must be true or false, was '" + text + "'");
        }).orElse(fallback);
    }

    private static TenantLimits tenantLimits(Config config) {
        int rate = (int) number(config, "limits.tenant-requests-per-second", 2_000, 0, 1_000_000);
        return new TenantLimits(rate,
                (int) number(config, "limits.tenant-burst", Math.max(1, 2L * rate), 1, 10_000_000),
                (int) number(config, "limits.tenant-max-in-flight", 64, 1, 100_000),
                Duration.ofMillis(number(config, "limits.tenant-queue-wait-millis", 1_000, 0, 60_000)),
                (int) number(config, "limits.tenant-db-share-percent", 50, 1, 100));
    }

    private static String password(Config config) {
        Optional<Path> file = ServingConfig.file(config, "db.password-file");
        if (file.isEmpty()) {
            return config.get("db.password").asString().orElse("");
        }
        try {
            return java.nio.file.Files.readString(file.get()).stripTrailing();
        } catch (java.io.IOException e) {
            throw new ConfigException("db.password-file could not be read: " + file.get());
        }
    }

    private static Optional<String> optional(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::strip).filter(s -> !s.isEmpty());
    }

    private static java.util.Set<String> checksums(Config config, String key) {
        var result = new java.util.TreeSet<String>();
        for (String item : text(config, key, "").split(",")) {
            String sha = item.strip().toLowerCase(java.util.Locale.ROOT);
            if (sha.isEmpty()) {
                continue;
            }
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new ConfigException(key + " must be a comma-separated list of hex SHA-256 checksums, found '" + item.strip() + "'");
            }
            result.add(sha);
        }
        return java.util.Set.copyOf(result);
    }

    private static String text(Config config, String key, String defaultValue) {
        return optional(config, key).orElse(defaultValue);
    }

    private static Path path(Config config, String key, String defaultValue) {
        return Path.of(text(config, key, defaultValue));
    }

    private static String identifier(Config config, String key, String defaultValue) {
        String value = text(config, key, defaultValue);
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigException(key + " must be a lower-case SQL identifier, was '" + value + "'");
        }
        return value;
    }

    private static int port(Config config, String key, int defaultValue) {
        return (int) number(config, key, defaultValue, 0, 65_535);
    }

    static long number(Config config, String key, long defaultValue, long min, long max) {
        Optional<String> raw = optional(config, key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, was '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
