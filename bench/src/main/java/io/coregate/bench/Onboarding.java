package io.coregate.bench;

import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Tenants;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Onboards the benchmark's tenants on the sandbox bank through the gateway's admin API, as an operator would. */
final class Onboarding {

    /** The payer tenants' liquidity limit: never the limit of a run. */
    private static final String LIMIT = "1000000000000";

    private final Http admin;

    Onboarding(GatewayProcess gateway) {
        this.admin = Payers.client(URI.create("http://127.0.0.1:" + gateway.adminPort()))
            .with("Authorization", "Bearer " + GatewayProcess.ADMIN_TOKEN);
    }

    /** Creates {@code count} payee tenants {@code prefix-0...} with the standard test bank; answers their ids. */
    List<String> payees(String prefix, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            created(id, admin.put("/admin/tenants/" + id, Tenants.standard("bankA")));
            ids.add(id);
        }
        return ids;
    }

    /**
     * A payer tenant with its channel's API key.
     *
     * @param id     the tenant
     * @param apiKey its key
     */
    record Payer(String id, String apiKey) {
    }

    /** Creates {@code count} payer tenants whose Connector is {@code outboundUrl}; Alice can pay for a long time. */
    List<Payer> payers(String prefix, int count, URI outboundUrl) {
        var accounts = List.of(Tenants.account(Payers.ALICE, "SB-0001", "Alice", "Banda", "ZMW", "1000000000.00", "ACTIVE"));
        var payers = new ArrayList<Payer>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            created(id, admin.put("/admin/tenants/" + id, Payers.document(id, outboundUrl, LIMIT, Map.of("accounts", accounts))));
            var key = admin.post("/admin/tenants/" + id + "/api-keys", Map.of());
            created(id, key);
            payers.add(new Payer(id, key.field("apiKey")));
        }
        return payers;
    }

    private static void created(String id, Http.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("onboarding " + id + " failed: HTTP " + response.status() + " " + response.body());
        }
    }
}
