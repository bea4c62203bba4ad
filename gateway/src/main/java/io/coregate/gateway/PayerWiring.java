package io.coregate.gateway;

import io.coregate.gateway.config.SdkClientConfig;
import io.coregate.gateway.domain.payer.AcceptService;
import io.coregate.gateway.domain.payer.Aborts;
import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.ChannelWebhook;
import io.coregate.gateway.domain.payer.DebitDecisions;
import io.coregate.gateway.domain.payer.DebitSteps;
import io.coregate.gateway.domain.payer.PendingDebits;
import io.coregate.gateway.domain.payer.OperatorSteps;
import io.coregate.gateway.domain.payer.OutboundLog;
import io.coregate.gateway.domain.payer.PayerAccounts;
import io.coregate.gateway.domain.payer.PayerService;
import io.coregate.gateway.domain.payer.Quoting;
import io.coregate.gateway.domain.payer.Settlement;
import io.coregate.gateway.domain.payer.UncertainResolver;
import io.coregate.gateway.http.PayerRoutes;

import java.time.Duration;

/**
 * The payer (outbound) flow's part of the composition root: its steps (debits, settlement, quoting, aborts), each built
 * once over the shared transfer parts and passed to the services that use them, wired by hand for {@link Wiring}.
 *
 * @param routes        the DFSP channels' payer routes
 * @param resolver      the background resolver of UNCERTAIN transfers
 * @param pending       the background settler of debits the CBS left pending or unanswered
 * @param operatorSteps the CBS step of an operator's resolution of an UNCERTAIN transfer
 * @param interval      how often the resolver runs
 */
record PayerWiring(PayerRoutes routes, UncertainResolver resolver, PendingDebits pending, OperatorSteps operatorSteps, Duration interval) {

    /**
     * @param outbound  the outbound view of the transfer log (with its liquidity reservations)
     * @param connector the client of the tenants' Mojaloop Connector
     * @param sdkClient the connector client's waits, which the request lease must outlast
     * @param webhook   tells a tenant's channel how a send answered 202 DEBIT_PENDING ended
     */
    static PayerWiring wire(TransferParts shared, OutboundLog outbound, Connector connector, SdkClientConfig sdkClient,
                            ChannelWebhook webhook) {
        // A request (or the resolver's status read) holds the transfer while it waits for the connector and the CBS:
        // the longest of the connector's waits plus the CBS lease, so a lease never runs out while its holder waits.
        Duration lease = max(max(sdkClient.transferTimeout(), sdkClient.acceptTimeout()), sdkClient.statusReadWorstCase())
            .plus(shared.policy().lease());
        var debits = new DebitSteps(shared.adapters(), shared.legs(), shared.legLog());
        var settlement = new Settlement(shared.log(), debits, shared.metrics(), shared.policy(), shared.clock());
        var aborts = new Aborts(shared.log(), shared.metrics());
        var quoting = new Quoting(connector, outbound, shared.log(), aborts, shared.metrics(), shared.clock());
        var payer = new PayerService(outbound, quoting, aborts, new PayerAccounts(shared.adapters()), lease, shared.clock());
        var decisions = new DebitDecisions(connector, debits, settlement, outbound, shared.log(), shared.clock());
        var accept = new AcceptService(connector, debits, decisions, outbound, shared.log(), shared.metrics(), lease, shared.clock());
        var pending = new PendingDebits(shared.legs(), shared.legLog(), decisions, debits, webhook, outbound, shared.log(), shared.policy(), lease,
            shared.clock(), shared.tenants());
        var resolver = new UncertainResolver(connector, debits, settlement, outbound, shared.log(), shared.metrics(), shared.policy(), lease,
            shared.clock(), shared.tenants());
        return new PayerWiring(new PayerRoutes(payer, accept, shared.requests()), resolver, pending,
            new OperatorSteps(debits, outbound, shared.tenants()), shared.policy().retryInterval());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
