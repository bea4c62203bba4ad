package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.FailureCodes;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.error.Side;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;

import java.util.Optional;

/**
 * Resolves the paying customer once per outbound transfer, when the channel starts it: the CBS's party (names, account)
 * is stored with the transfer and handed to every money leg of it ({@code TransferContext.customer}), never looked up
 * again per leg. A payer the CBS does not know, whose account cannot transact or does not hold the currency is
 * refused before any liquidity is reserved or the Connector is asked. Thread-safe.
 */
public final class PayerAccounts {

    private final CoreBanking banks;

    public PayerAccounts(CoreBanking banks) {
        this.banks = banks;
    }

    /**
     * The payer as the CBS knows it, named as the channel sent it and owned by the tenant.
     *
     * @throws GatewayException 3204 unknown payer, 4400 blocked, 4103 currency, 2003/2004 when the CBS did not answer
     */
    TransferParty resolve(Tenant tenant, Payer payer, String currency) {
        PartyId id = payer.id();
        Outcome<Party> found = banks.call(tenant, "lookupParty", adapter -> adapter.lookupParty(id));
        String who = "the payer " + id.idType() + " " + id.idValue();
        return switch (found) {
            case Outcome.Done<Party> done -> {
                Party party = done.value();
                if (!party.status().canTransact()) {
                    throw new GatewayException(ErrorCode.PAYER_BLOCKED, who + " cannot pay: the account is " + party.status());
                }
                if (!party.currencies().isEmpty() && !party.currencies().contains(currency)) {
                    throw new GatewayException(ErrorCode.PAYER_UNSUPPORTED_CURRENCY, who + " holds no " + currency + " account");
                }
                yield TransferParty.stored(party).named(Optional.of(payer.name()), Optional.of(tenant.document().dfspId()));
            }
            case Outcome.Failed<Party> failed -> throw new GatewayException(FailureCodes.of(failed.kind(), Side.PAYER),
                who + " could not be resolved: " + failed.message());
            case Outcome.Pending<Party> pending -> throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE,
                who + " could not be resolved: the CBS answered pending to a lookup");
        };
    }
}
