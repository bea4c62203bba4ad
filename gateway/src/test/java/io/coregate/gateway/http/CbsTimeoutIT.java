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

/** The host enforces the tenant's cbs.timeoutMillis around every adapter call and maps adapter bugs to 2001. */
class CbsTimeoutIT {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        var hanging = Tenants.sandbox("slowBank", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "lookupParty", "kind", "HANG"))));
        @SuppressWarnings("unchecked")
        var cbs = (Map<String, Object>) hanging.get("cbs");
        cbs.put("timeoutMillis", 300);
        assertEquals(201, gateway.admin().put("/admin/tenants/slow", hanging).status());
        var buggy = Tenants.sandbox("buggyBank", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "lookupParty", "kind", "EXCEPTION"))));
        assertEquals(201, gateway.admin().put("/admin/tenants/buggy", buggy).status());
        var down = Tenants.sandbox("downBank", Map.of("accounts", Tenants.standardAccounts(),
            "faults", List.of(Map.of("operation", "lookupParty", "kind", "UNAVAILABLE"))));
        assertEquals(201, gateway.admin().put("/admin/tenants/down", down).status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void hangingBankAnswers2004WithinItsTimeout() {
        long start = System.nanoTime();
        var response = gateway.sdk().get("/slow/parties/MSISDN/260971000001");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, response.status(), response.body());
        assertEquals("2004", response.field("statusCode"));
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void adapterBugIs2001WithoutStackTrace() {
        var response = gateway.sdk().get("/buggy/parties/MSISDN/260971000001");
        assertEquals(500, response.status());
        assertEquals("2001", response.field("statusCode"));
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at io."), response.body());
    }

    @Test
    void unavailableBankIs2003() {
        var response = gateway.sdk().get("/down/parties/MSISDN/260971000001");
        assertEquals(500, response.status());
        assertEquals("2003", response.field("statusCode"));
    }
}
