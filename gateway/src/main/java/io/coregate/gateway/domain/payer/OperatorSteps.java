package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.transfer.OutboundResolution;
import io.coregate.gateway.domain.transfer.Transfer;
import io.coregate.gateway.domain.transfer.TransferState;

import java.util.Optional;
import java.util.function.Function;

/**
 * The CBS step of an operator's resolution of an UNCERTAIN outbound transfer: COMMITTED captures the customer's hold
 * (nothing for a plain debit), ABORTED gives the money back. The ledger then follows in the resolution's own
 * transaction. Thread-safe.
 */
public final class OperatorSteps implements OutboundResolution {

    private final DebitSteps debits;
    private final OutboundLog outbound;
    private final Function<TenantId, Optional<Tenant>> tenants;

    public OperatorSteps(DebitSteps debits, OutboundLog outbound, Function<TenantId, Optional<Tenant>> tenants) {
        this.debits = debits;
        this.outbound = outbound;
        this.tenants = tenants;
    }

    @Override
    public Optional<String> apply(Transfer transfer, TransferState outcome) {
        Optional<Tenant> tenant = tenants.apply(transfer.tenant());
        Optional<Outbound> found = outbound.byRef(transfer.tenant(), transfer.transferId());
        if (tenant.isEmpty() || found.isEmpty()) {
            return Optional.of("tenant " + transfer.tenant() + " is not enabled");
        }
        var mode = debits.mode(tenant.get(), found.get());
        var request = DebitSteps.request(found.get(), transfer.cbsReference());
        return outcome == TransferState.COMMITTED ? debits.capture(tenant.get(), found.get(), request, mode)
            : debits.giveBack(tenant.get(), found.get(), request, mode);
    }
}
