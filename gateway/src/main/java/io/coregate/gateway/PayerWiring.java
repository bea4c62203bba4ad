package io.coregate.gateway;

import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.config.TransfersConfig;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcLedger;
import io.coregate.gateway.db.JdbcOutboundLog;
import io.coregate.gateway.db.JdbcTransferLog;
import io.coregate.gateway.db.StateChangeHook;
import io.coregate.gateway.domain.payer.AcceptService;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.OperatorSteps;
import io.coregate.gateway.domain.payer.PayerService;
import io.coregate.gateway.domain.payer.UncertainResolver;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.http.PayerRoutes;
import io.coregate.gateway.http.RequestMetrics;
import io.coregate.gateway.http.TransferMeters;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The payer (outbound) flow's part of the composition root, wired by hand for {@link Main}.
 *
 * @param routes        the DFSP channels' payer routes
 * @param resolver      the background resolver of UNCERTAIN transfers
 * @param operatorSteps the CBS step of an operator's resolution of an UNCERTAIN transfer
 * @param interval      how often the resolver runs
 */
record PayerWiring(PayerRoutes routes, UncertainResolver resolver, OperatorSteps operatorSteps, Duration interval) {

    /**
     * @param onStateChange the transfer log's hook: must include the outbound ledger hook, so state changes move the
     *                      reservation in their own transaction
     */
    static PayerWiring wire(Config source, SdkClientConfig sdkClient, Jdbc jdbc, JdbcLedger ledger, Connector connector,
                            AdapterRegistry adapters, TenantDirectory directory, MeterRegistry meters, RequestMetrics requestMetrics,
                            StateChangeHook onStateChange) {
        TransferPolicy policy = TransfersConfig.load(source);
        Clock clock = Clock.systemUTC();
        var log = new JdbcTransferLog(jdbc, onStateChange);
        var outbound = new JdbcOutboundLog(jdbc, ledger);
        var metrics = new TransferMeters(meters);
        // A request (or the resolver's status read) holds the transfer while it waits for the connector and the CBS:
        // the longest of the connector's waits plus the CBS lease, so a lease never runs out while its holder waits.
        Duration lease = max(max(sdkClient.transferTimeout(), sdkClient.acceptTimeout()), sdkClient.statusReadWorstCase())
            .plus(policy.lease());
        var payer = new PayerService(connector, outbound, log, metrics, lease, clock);
        var accept = new AcceptService(connector, adapters, outbound, log, metrics, policy, lease, clock);
        Function<TenantId, Optional<Tenant>> tenants = id -> Optional.ofNullable(directory.all().get(id));
        var resolver = new UncertainResolver(connector, adapters, outbound, log, metrics, policy, lease, clock, tenants);
        return new PayerWiring(new PayerRoutes(payer, accept, requestMetrics), resolver, new OperatorSteps(adapters, outbound, tenants),
            policy.retryInterval());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
