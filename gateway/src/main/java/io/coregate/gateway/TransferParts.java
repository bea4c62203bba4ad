package io.coregate.gateway;

import io.coregate.gateway.config.TransfersConfig;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcLegLog;
import io.coregate.gateway.db.JdbcTransferLog;
import io.coregate.gateway.domain.cbs.CallbackInbox;
import io.coregate.gateway.domain.transfer.LegLog;
import io.coregate.gateway.domain.transfer.MoneyLegs;
import io.coregate.gateway.db.StateChangeHook;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.http.RequestMetrics;
import io.coregate.gateway.http.TransferMeters;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The transfer collaborators both flows share, each built once by {@link Wiring} and handed to {@link PayeeWiring} and
 * {@link PayerWiring}: the validated {@code transfers.*} policy, the clock, the one transfer log, its meters, the request
 * meters, the CBS adapters and the enabled tenants.
 *
 * @param policy    the validated {@code transfers.*} settings
 * @param clock     the clock every flow reads
 * @param log       the transfer log; its state-change hook moves the ledger in the change's own transaction
 * @param metrics   the transfer outcome meters
 * @param requests  the per-route request meters
 * @param adapters  the tenants' CBS adapters
 * @param directory the enabled tenants
 * @param legLog    the transfers' money legs
 * @param legs      runs money legs: written before the call, resolved by status when unanswered
 */
record TransferParts(TransferPolicy policy, Clock clock, JdbcTransferLog log, TransferMeters metrics, RequestMetrics requests,
                     AdapterRegistry adapters, TenantDirectory directory, LegLog legLog, MoneyLegs legs) {

    /**
     * Builds the shared parts.
     *
     * @param onStateChange the transfer log's hook: must include the inbound position and outbound ledger hooks, so a state
     *                      change moves the ledger in its own transaction
     * @param callbacks     the stored CBS callbacks, read before a pending leg's status is asked
     */
    static TransferParts wire(Config source, Jdbc jdbc, StateChangeHook onStateChange, MeterRegistry meters, RequestMetrics requests,
                              AdapterRegistry adapters, TenantDirectory directory, CallbackInbox callbacks) {
        Clock clock = Clock.systemUTC();
        var legLog = new JdbcLegLog(jdbc);
        return new TransferParts(TransfersConfig.load(source), clock, new JdbcTransferLog(jdbc, onStateChange),
            new TransferMeters(meters), requests, adapters, directory, legLog, new MoneyLegs(adapters, legLog, callbacks, clock));
    }

    /** An enabled tenant by id, for the background jobs that start from a stored transfer. */
    Function<TenantId, Optional<Tenant>> tenants() {
        return id -> Optional.ofNullable(directory.all().get(id));
    }
}
