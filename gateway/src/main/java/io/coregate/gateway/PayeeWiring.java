package io.coregate.gateway;

import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.payee.CompletionCheck;
import io.coregate.gateway.domain.payee.CreditSteps;
import io.coregate.gateway.domain.payee.Leases;
import io.coregate.gateway.domain.payee.PayeeTransferService;
import io.coregate.gateway.domain.payee.PendingCredits;
import io.coregate.gateway.domain.payee.QuoteBook;
import io.coregate.gateway.domain.payee.QuoteService;
import io.coregate.gateway.domain.payee.Reconciler;
import io.coregate.gateway.domain.payee.TransferNotifications;
import io.coregate.gateway.http.PayeeRoutes;

/**
 * The payee (inbound) flow's part of the composition root: its services, each built once over the shared transfer
 * parts, its routes and its reconciliation job, wired by hand for {@link Wiring}.
 *
 * @param routes     the backend API's payee routes
 * @param reconciler the reconciliation job
 * @param pending    the settler of credits (and reservations) the CBS left pending or unanswered
 */
record PayeeWiring(PayeeRoutes routes, Reconciler reconciler, PendingCredits pending) {

    /**
     * @param quotes      the stored quotes
     * @param parties     the payee party lookup (the same one the parties route uses)
     * @param completions confirms a COMPLETED notification with the tenant's Connector (tenant option sdk.confirmCompletion)
     */
    static PayeeWiring wire(TransferParts shared, QuoteBook quotes, PartyService parties, CompletionCheck completions) {
        var leases = new Leases(shared.log(), shared.policy());
        var credits = new CreditSteps(shared.legs(), shared.log(), shared.metrics(), shared.policy(), shared.clock());
        var routes = new PayeeRoutes(shared.directory(), new QuoteService(shared.adapters(), parties, quotes, shared.policy(), shared.clock()),
            new PayeeTransferService(shared.legs(), shared.log(), quotes, shared.metrics(), leases, shared.clock()),
            new TransferNotifications(credits, shared.log(), leases, completions), shared.requests());
        var reconciler = new Reconciler(credits, shared.log(), shared.metrics(), shared.policy(), shared.clock(), shared.tenants());
        var pending = new PendingCredits(shared.legs(), credits, shared.log(), shared.policy(), shared.clock(), shared.tenants());
        return new PayeeWiring(routes, reconciler, pending);
    }
}
