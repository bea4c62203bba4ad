package io.coregate.gateway.http;

import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One id-type set: the backend spec's {@code idType} enum (with {@code ACCOUNT_NO}), used alike by tenant documents,
 * the backend API's records ({@link Check#idType}) and the channels' requests.
 */
class IdTypesTest {

    @Test
    void theOneIdTypeSetIsTheBackendSpecsEnum() throws IOException {
        assertEquals(Set.copyOf(specIdTypes()), Rules.ID_TYPE_SET);
    }

    @Test
    void tenantDocumentsBackendRecordsAndChannelsAcceptEveryIdTypeOfTheSet() {
        var doc = Tenants.standard("bankA");
        doc.put("supportedIdTypes", Rules.ID_TYPES);
        TenantDocument tenant = Tenants.document(doc);
        assertEquals(Rules.ID_TYPES, List.copyOf(tenant.supportedIdTypes()));
        for (String type : Rules.ID_TYPES) {
            Check check = Check.start();
            check.idType("idType", type);
            check.done();
            var request = PayerRequests.sendMoney(sendMoney(type), tenant);
            assertEquals(type, request.outbound().to().id().idType());
            assertEquals(type, request.payer().id().idType());
        }
    }

    @Test
    void anIdTypeOutsideTheSetIsRefusedEverywhere() {
        var doc = Tenants.standard("bankA");
        doc.put("supportedIdTypes", List.of("MSISDN", "PHONE"));
        assertThrows(GatewayException.class, () -> Tenants.document(doc));
        Check check = Check.start();
        check.idType("idType", "PHONE");
        assertThrows(GatewayException.class, check::done);
        assertThrows(GatewayException.class, () -> PayerRequests.sendMoney(sendMoney("PHONE"), Tenants.document(Tenants.standard("bankA"))));
    }

    private static Map<String, Object> sendMoney(String idType) {
        var body = new HashMap<String, Object>();
        body.put("homeTransactionId", "home-1");
        body.put("payeeIdType", idType);
        body.put("payeeId", "260972000001");
        body.put("sendAmount", "100.5");
        body.put("sendCurrency", "ZMW");
        body.put("payer", Map.of("name", "Alice Banda", "payerId", "260971000001", "payerIdType", idType));
        return body;
    }

    /** The {@code idType} schema's enum in the backend spec (the copy of shared/specs among the test resources). */
    private static List<String> specIdTypes() throws IOException {
        String spec;
        try (InputStream in = Objects.requireNonNull(IdTypesTest.class.getResourceAsStream("/spec/sdk-backend-v2_1_0.yaml"))) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = spec.lines().toList();
        int at = 0;
        while (!(lines.get(at).equals("    idType:") && lines.get(at + 1).equals("      enum:"))) {
            at++; // the schema, not the path parameter of the same name
        }
        var types = new ArrayList<String>();
        for (int i = at + 2; lines.get(i).startsWith("        - "); i++) {
            types.add(lines.get(i).substring("        - ".length()).strip());
        }
        return types;
    }
}
