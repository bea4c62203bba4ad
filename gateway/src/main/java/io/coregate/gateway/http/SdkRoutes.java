package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.transfer.TransferParty;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.plugin.api.Party;
import io.coregate.plugin.api.PartyId;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * The Mojaloop Connector's backend API (port 3003) under a tenant path prefix, per {@code sdk-backend-v2_1_0.yaml}.
 * The Connector is configured with {@code BACKEND_ENDPOINT=<gateway>:3003/<tenant>}.
 */
public final class SdkRoutes {

    private static final int MAX_ID_LENGTH = 128;

    private final TenantDirectory tenants;
    private final PartyService parties;
    private final RequestMetrics metrics;
    private final PayeeRoutes payee;

    public SdkRoutes(TenantDirectory tenants, PartyService parties, RequestMetrics metrics, PayeeRoutes payee) {
        this.tenants = tenants;
        this.parties = parties;
        this.metrics = metrics;
        this.payee = payee;
    }

    /** Builds the sdk listener's routing. */
    public void routing(HttpRouting.Builder routing) {
        ErrorHandler.register(routing, Listener.SDK);
        routing.addFilter(new SourceGuard(tenants));
        payee.routing(routing);
        routing.get("/{tenant}", metrics.timed(Listener.SDK, "health", this::health))
            .get("/{tenant}/", metrics.timed(Listener.SDK, "health", this::health))
            .get("/{tenant}/parties/{idType}/{idValue}", metrics.timed(Listener.SDK, "parties", this::party))
            .get("/{tenant}/parties/{idType}/{idValue}/{idSubValue}", metrics.timed(Listener.SDK, "parties", this::party))
            .any(Routes::unknownUri);
    }

    private void health(ServerRequest request, ServerResponse response) {
        tenants.resolve(request.path().pathParameters().get("tenant"));
        response.header(HeaderNames.CONTENT_LENGTH, "0");
        response.send();
    }

    private void party(ServerRequest request, ServerResponse response) {
        Tenant tenant = tenants.resolve(request.path().pathParameters().get("tenant"));
        Party party = parties.lookup(tenant, partyId(request));
        Json.send(response, 200, transferParty(tenant.document(), party));
    }

    private static PartyId partyId(ServerRequest request) {
        var params = request.path().pathParameters();
        String idType = params.get("idType");
        if (!Rules.ID_TYPE_SET.contains(idType)) {
            throw new GatewayException(ErrorCode.VALIDATION, "idType '" + Routes.shorten(idType) + "' is not an FSPIOP party id type");
        }
        String idValue = checkedId("idValue", params.get("idValue"));
        Optional<String> idSubValue = params.first("idSubValue").asOptional().map(v -> checkedId("idSubValue", v));
        return new PartyId(idType, idValue, idSubValue);
    }

    private static String checkedId(String field, String value) {
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new GatewayException(ErrorCode.VALIDATION, field + " must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    /** A party as the spec's {@code transferParty}, owned by the tenant's DFSP. */
    static TransferParty transferParty(TenantDocument tenant, Party party) {
        return TransferParty.lookedUp(party, tenant.dfspId(),
            party.currencies().stream().filter(tenant.currencies()::contains).sorted().toList());
    }
}
