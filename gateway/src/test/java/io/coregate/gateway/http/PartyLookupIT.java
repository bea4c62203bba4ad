package io.coregate.gateway.http;

import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartyLookupIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void knownPartyIsAnsweredWithTheTenantsFspId() {
        var response = gateway.sdk().get("/bank-a/parties/MSISDN/260971000001");
        assertEquals(200, response.status(), response.body());
        Map<String, Object> party = response.json();
        assertEquals("MSISDN", party.get("idType"));
        assertEquals("260971000001", party.get("idValue"));
        assertEquals("Alice", party.get("firstName"));
        assertEquals("Banda", party.get("lastName"));
        assertEquals("Alice Banda", party.get("displayName"));
        assertEquals("bankA", party.get("fspId"));
        assertEquals("CONSUMER", party.get("type"));
        assertEquals(List.of("ZMW"), party.get("supportedCurrencies"));
        assertTrue(response.headers().get("content-type").getFirst().startsWith("application/json"));
    }

    @Test
    void partyIsFoundByAccountIdToo() {
        var response = gateway.sdk().get("/bank-a/parties/ACCOUNT_ID/SB-0001");
        assertEquals(200, response.status(), response.body());
        assertEquals("Alice", response.field("firstName"));
    }

    @Test
    void subIdValueRouteIsServed() {
        var response = gateway.sdk().get("/bank-a/parties/MSISDN/260971000001/savings");
        assertEquals(404, response.status(), response.body());
        assertEquals("3204", response.field("statusCode"));
    }

    @Test
    void unknownPartyIs404With3204() {
        var response = gateway.sdk().get("/bank-a/parties/MSISDN/260979999999");
        assertEquals(404, response.status());
        assertEquals(Map.of("statusCode", "3204", "message", response.field("message")), response.json());
        assertTrue(response.field("message").contains("260979999999"), response.body());
    }

    @Test
    void idTypeTheTenantDoesNotSupportIs400With3100() {
        var response = gateway.sdk().get("/bank-a/parties/EMAIL/alice@example.com");
        assertEquals(400, response.status());
        assertEquals("3100", response.field("statusCode"));
        assertTrue(response.field("message").contains("EMAIL"), response.body());
    }

    @Test
    void idTypeThatIsNotFspiopIs400With3100() {
        var response = gateway.sdk().get("/bank-a/parties/SHOE_SIZE/42");
        assertEquals(400, response.status());
        assertEquals("3100", response.field("statusCode"));
    }

    @Test
    void unknownTenantIs404With3200NamingIt() {
        var response = gateway.sdk().get("/no-such-bank/parties/MSISDN/260971000001");
        assertEquals(404, response.status());
        assertEquals("3200", response.field("statusCode"));
        assertTrue(response.field("message").contains("no-such-bank"), response.body());
    }

    @Test
    void blockedPartyIs5400WithinTheSpecsStatuses() {
        var response = gateway.sdk().get("/bank-a/parties/MSISDN/260971000003");
        assertEquals(500, response.status());
        assertEquals("5400", response.field("statusCode"));
        assertTrue(response.field("message").contains("blocked"), response.body());
    }

    @Test
    void dormantPartyIs5400() {
        var response = gateway.sdk().get("/bank-a/parties/MSISDN/260971000004");
        assertEquals(500, response.status());
        assertEquals("5400", response.field("statusCode"));
        assertTrue(response.field("message").contains("dormant"), response.body());
    }

    @Test
    void tenantHealthIsServedPerTenant() {
        assertEquals(200, gateway.sdk().get("/bank-a/").status());
        assertEquals(404, gateway.sdk().get("/nobody/").status());
    }

    @Test
    void unknownPathIsJson3002NotARouter404() {
        var response = gateway.sdk().get("/bank-a/nothing/here/at/all");
        assertEquals(404, response.status());
        assertEquals("3002", response.field("statusCode"));
    }
}
