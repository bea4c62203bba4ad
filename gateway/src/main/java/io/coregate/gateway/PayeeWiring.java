package io.coregate.gateway;

import io.coregate.gateway.config.TransfersConfig;
import io.coregate.gateway.db.Jdbc;
import io.coregate.gateway.db.JdbcQuoteBook;
import io.coregate.gateway.db.JdbcTransferLog;
import io.coregate.gateway.db.StateChangeHook;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.payee.CompletionCheck;
import io.coregate.gateway.domain.payee.CreditSteps;
import io.coregate.gateway.domain.payee.Leases;
import io.coregate.gateway.domain.payee.PayeeTransferService;
import io.coregate.gateway.domain.payee.QuoteService;
import io.coregate.gateway.domain.payee.Reconciler;
import io.coregate.gateway.domain.payee.TransferNotifications;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.transfer.OutboundResolution;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.domain.transfer.TransferPolicy;
import io.coregate.gateway.http.AdminAuth;
import io.coregate.gateway.http.PayeeRoutes;
import io.coregate.gateway.http.RequestMetrics;
import io.coregate.gateway.http.TransferAdminRoutes;
import io.coregate.gateway.http.TransferMeters;
import io.coregate.gateway.plugins.AdapterRegistry;
import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;

import java.time.Clock;
import java.util.Optional;

/**
 * The payee (inbound) flow's part of the composition root: the transfer log, its services, routes and
 * reconciliation job, wired by hand for {@link Main}.
 *
 * @param policy     the validated {@code transfers.*} settings
 * @param routes     the backend API's payee routes
 * @param admin      the operators' transfer service
 * @param reconciler the reconciliation job
 * @param metrics    the request metrics the admin routes report to
 */
record PayeeWiring(TransferPolicy policy, PayeeRoutes routes, TransferAdmin admin, Reconciler reconciler, RequestMetrics metrics) {

    static PayeeWiring wire(Config source, Jdbc jdbc, AdapterRegistry adapters, TenantDirectory directory, MeterRegistry meters,
                            RequestMetrics requestMetrics, StateChangeHook onStateChange, OutboundResolution outbound,
                            CompletionCheck completions) {
        TransferPolicy policy = TransfersConfig.load(source);
        Clock clock = Clock.systemUTC();
        var log = new JdbcTransferLog(jdbc, onStateChange);
        var metrics = new TransferMeters(meters);
        var quotes = new JdbcQuoteBook(jdbc);
        var leases = new Leases(log, policy);
        var credits = new CreditSteps(adapters, log, metrics, policy, clock);
        var routes = new PayeeRoutes(directory, new QuoteService(adapters, new PartyService(adapters), quotes, policy, clock),
            new PayeeTransferService(adapters, log, quotes, metrics, leases, clock),
            new TransferNotifications(credits, log, leases, completions), requestMetrics);
        var reconciler = new Reconciler(credits, log, metrics, policy, clock, id -> Optional.ofNullable(directory.all().get(id)));
        return new PayeeWiring(policy, routes, new TransferAdmin(log, metrics, outbound), reconciler, requestMetrics);
    }

    /** The admin routes over the transfer log, behind the given admin authentication. */
    TransferAdminRoutes adminRoutes(AdminAuth auth) {
        return new TransferAdminRoutes(auth, admin, metrics);
    }
}
