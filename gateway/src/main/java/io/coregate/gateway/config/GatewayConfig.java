package io.coregate.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole gateway configuration, validated.
 *
 * @param listeners ports and payload limits of the three listeners
 * @param db        where the data lives
 * @param plugins   where drop-in plugins come from
 * @param admin     how the admin API is protected
 * @param tenants   tenant bootstrap and refresh
 * @param ledger    the liquidity ledger's background work
 */
public record GatewayConfig(Listeners listeners, Db db, Plugins plugins, Admin admin, Tenants tenants, Ledger ledger) {

    /**
     * The three listeners.
     *
     * @param host                 the bind address
     * @param adminPort            admin, health and metrics ({@code server.port})
     * @param sdkPort              the Mojaloop Connector's backend API ({@code sdk.port})
     * @param dfspPort             the DFSP channels' API ({@code dfsp.port})
     * @param maxPayloadBytes      request body limit on the sdk and dfsp listeners
     * @param maxAdminPayloadBytes request body limit on the admin listener (plugin uploads)
     * @param discardBytes         how much of a refused (oversized) body is read and thrown away before the connection is
     *                             closed, so a client that writes its whole body before reading still gets the 3104 answer
     *                             ({@code limits.discard-bytes})
     * @param readTimeout          how long a connection may stay silent before or between requests before it is dropped
     *                             ({@code limits.read-timeout-millis})
     * @param tenantLimits         what one tenant may use of the sdk and dfsp listeners
     */
    public record Listeners(String host, int adminPort, int sdkPort, int dfspPort, long maxPayloadBytes, long maxAdminPayloadBytes,
                            long discardBytes, Duration readTimeout, TenantLimits tenantLimits) {
    }

    /**
     * The database: an external PostgreSQL when {@code url} is set, else the embedded one.
     *
     * @param url             JDBC URL of an external PostgreSQL
     * @param user            database user
     * @param password        database password (never logged)
     * @param schema          the schema CoreGate owns
     * @param poolSize        connection pool size
     * @param embeddedDataDir where the embedded PostgreSQL keeps its data
     * @param embeddedPort    the embedded PostgreSQL's port, 0 for any
     * @param timeouts        the bound on every database call
     */
    public record Db(Optional<String> url, String user, String password, String schema, int poolSize,
                     Path embeddedDataDir, int embeddedPort, DbTimeouts timeouts) {

        /** True when no external database is configured. */
        public boolean embedded() {
            return url.isEmpty();
        }

        @Override
        public String toString() {
            return "Db[url=" + url.orElse("(embedded)") + ", user=" + user + ", schema=" + schema + "]";
        }
    }

    /**
     * Plugins.
     *
     * @param dropInDir     the directory watched for extra plugin jars ({@code PLUGINS_DIR}); uploaded jars are pulled
     *                      into its {@code uploaded/} folder
     * @param bundledDir    where the plugins shipped with the distribution are
     * @param allowedSha256 checksums a dropped or uploaded jar may have besides those approved through the admin API;
     *                      when not empty, only approved jars load
     * @param scanInterval  how often the drop-in directory is scanned
     * @param syncInterval  how often jars uploaded through any replica are pulled from the database
     * @param requireApproval only approved jars load ({@code plugins.require-approval}; default true on an external
     *                      database, false for the embedded demo)
     */
    public record Plugins(Path dropInDir, Path bundledDir, java.util.Set<String> allowedSha256, Duration scanInterval,
                          Duration syncInterval, boolean requireApproval) {
    }

    /**
     * The admin API.
     *
     * @param token     the bearer token, when configured
     * @param tokenFile     where a generated token is written (owner-only)
     * @param publicObserve whether health details ({@code /observe/health}) and metrics ({@code /observe/metrics}) answer
     *                      without a token ({@code admin.public-observe}; default: only for the embedded demo). The
     *                      probes {@code /observe/health/live|ready|started} always answer, without tenant details
     *                      unless public or asked with a token.
     */
    public record Admin(Optional<String> token, Path tokenFile, boolean publicObserve) {

        @Override
        public String toString() {
            return "Admin[token=" + (token.isPresent() ? "(set)" : "(generated)") + ", tokenFile=" + tokenFile + ", publicObserve="
                + publicObserve + "]";
        }
    }

    /**
     * Tenants.
     *
     * @param bootstrapDir folder of {@code *.yaml} tenant documents created at start-up when missing
     * @param refresh      how often tenant changes made by other replicas are picked up
     * @param secretsDir   the only directory {@code file:} secret references may point into, one sub-directory or file-name
     *                     prefix per tenant ({@code tenants.secrets-dir})
     */
    public record Tenants(Path bootstrapDir, Duration refresh, Path secretsDir) {
    }

    /**
     * The liquidity ledger.
     *
     * @param sweep how often expired reservations are voided and the liquidity alarm refreshed ({@code ledger.sweep-seconds})
     */
    public record Ledger(Duration sweep) {
    }
}
