package io.coregate.gateway.domain.party;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;

/** Looks up payee parties in the tenant's CBS. Thread-safe. */
public final class PartyService {

    private final CoreBanking banks;

    public PartyService(CoreBanking banks) {
        this.banks = banks;
    }

    /**
     * Finds a party that can be paid.
     *
     * @throws GatewayException 3100 for an id type the tenant does not support, 3204 when unknown, 5400 when blocked
     *                          or dormant, or the mapped CBS failure
     */
    public Party lookup(Tenant tenant, PartyId id) {
        if (!tenant.document().supportedIdTypes().contains(id.idType())) {
            throw new GatewayException(ErrorCode.VALIDATION, "party id type '" + id.idType() + "' is not supported by tenant '"
                + tenant.id() + "' (supported: " + String.join(", ", tenant.document().supportedIdTypes()) + ")");
        }
        Outcome<Party> outcome = banks.call(tenant, "lookupParty", adapter -> adapter.lookupParty(id));
        return switch (outcome) {
            case Outcome.Done<Party> done -> requireActive(done.value());
            case Outcome.Failed<Party> failed -> throw new GatewayException(FailureCodes.of(failed.kind(), Side.PAYEE),
                describe(id) + ": " + failed.message());
            case Outcome.Pending<Party> pending -> throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE,
                describe(id) + ": the CBS did not answer the lookup synchronously");
        };
    }

    private static Party requireActive(Party party) {
        if (!party.status().canTransact()) {
            throw new GatewayException(ErrorCode.PAYEE_BLOCKED,
                describe(party.id()) + ": account is " + party.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        return party;
    }

    private static String describe(PartyId id) {
        return "party " + id.idType() + "/" + id.idValue() + id.idSubValue().map(s -> "/" + s).orElse("");
    }
}
