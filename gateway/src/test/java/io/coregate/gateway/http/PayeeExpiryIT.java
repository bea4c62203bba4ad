package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayeeExpiryIT {

    private static TestGateway gateway;
    private static Backend bank;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.quote-expiry-seconds", "2",
            "transfers.reserved-grace-seconds", "0", "transfers.reconcile.interval-seconds", "1"));
        assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
        bank = new Backend(gateway, "bank-a");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void transferForAnExpiredQuoteIs400With3302() throws InterruptedException {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        var quote = bank.quote(quoteRequest).json();
        Thread.sleep(2_200);
        var response = bank.prepare(Payee.transfer(Payee.id(), quoteRequest, quote));
        assertEquals(400, response.status(), response.body());
        assertEquals("3302", response.field("statusCode"));
        assertTrue(response.field("message").contains("expired"), response.body());
    }

    @Test
    void reservedTransferWhoseNotificationNeverCameIsFlaggedReconcile() throws InterruptedException {
        var quoteRequest = Payee.quote(Payee.id(), Payee.ALICE, "SEND", "10");
        var quote = bank.quote(quoteRequest).json();
        String transferId = Payee.id();
        var reserved = bank.prepare(Payee.transfer(transferId, quoteRequest, quote));
        assertEquals(200, reserved.status(), reserved.body());
        var transfer = Poll.last(Duration.ofSeconds(10), () -> gateway.admin().get("/admin/tenants/bank-a/transfers/" + transferId).json(),
            t -> "RECONCILE".equals(t.get("state")));
        if ("RECONCILE".equals(transfer.get("state"))) {
            assertTrue(String.valueOf(transfer.get("journal")).contains("no notification"), transfer.toString());
            return;
        }
        throw new AssertionError("never flagged: " + gateway.admin().get("/admin/tenants/bank-a/transfers/" + transferId).body());
    }
}
