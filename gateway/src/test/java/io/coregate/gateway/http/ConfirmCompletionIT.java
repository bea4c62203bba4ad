package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sdk.confirmCompletion}: a COMPLETED notification credits the customer only once the tenant's Connector
 * confirms the hub committed the transfer ({@code GET /transfers/{id}} on its outbound API); a forged one — the hub
 * aborted it, or never saw it — moves no money, and an unconfirmable one waits for a retried notification.
 */
class ConfirmCompletionIT {

    private static TestGateway gateway;
    private static OutboundSimulator connector;
    private static Backend bank;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        connector = OutboundSimulator.start();
        var document = new LinkedHashMap<>(Tenants.standard("bankA"));
        document.put("sdk", Map.of("outboundUrl", connector.url().toString(), "confirmCompletion", true));
        assertEquals(201, gateway.admin().put("/admin/tenants/careful", document).status());
        bank = new Backend(gateway, "careful");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        connector.close();
    }

    private static BigDecimal alice() {
        return PayeeFlowIT.balance(gateway, "careful", "SB-0001");
    }

    @Test
    void aNotificationTheHubConfirmsCreditsOnce() {
        String transferId = Payee.id();
        assertEquals("RESERVED", PayeeFlowIT.reserve(bank, transferId, "40").get("transferState"));
        BigDecimal before = alice();
        connector.hubState(transferId, "COMMITTED");
        var done = bank.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, done.status(), done.body());
        assertEquals(0, before.add(new BigDecimal("40")).compareTo(alice()));
        assertTrue(connector.calls().contains("GET /transfers/" + transferId), connector.calls().toString());
        assertEquals(200, bank.notify(transferId, Payee.notification(transferId, "COMPLETED")).status(), "a repeat replays");
        assertEquals(0, before.add(new BigDecimal("40")).compareTo(alice()), "credited once");
    }

    @Test
    void aForgedNotificationMovesNoMoney() {
        String aborted = Payee.id();
        PayeeFlowIT.reserve(bank, aborted, "50");
        String unseen = Payee.id();
        PayeeFlowIT.reserve(bank, unseen, "60");
        BigDecimal before = alice();
        connector.hubState(aborted, "ABORTED");
        var refused = bank.notify(aborted, Payee.notification(aborted, "COMPLETED"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("3100", refused.field("statusCode"));
        assertTrue(refused.field("message").contains("does not confirm"), refused.body());
        var neverSeen = bank.notify(unseen, Payee.notification(unseen, "COMPLETED"));
        assertEquals(400, neverSeen.status(), neverSeen.body());
        assertEquals(0, before.compareTo(alice()), "nothing credited");
        assertEquals("RESERVED", bank.get("/transfers/" + aborted).field("transferState"));
        assertEquals("RESERVED", bank.get("/transfers/" + unseen).field("transferState"));
    }

    @Test
    void anUnconfirmableNotificationWaitsForItsRetry() {
        String transferId = Payee.id();
        PayeeFlowIT.reserve(bank, transferId, "70");
        BigDecimal before = alice();
        connector.hubState(transferId, "RESERVED");
        var early = bank.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(500, early.status(), early.body());
        assertEquals("2003", early.field("statusCode"));
        assertEquals(0, before.compareTo(alice()));
        connector.hubState(transferId, "COMMITTED");
        assertEquals(200, bank.notify(transferId, Payee.notification(transferId, "COMPLETED")).status());
        assertEquals(0, before.add(new BigDecimal("70")).compareTo(alice()));
    }

    @Test
    void theOptionNeedsTheConnectorsUrl() {
        var document = new LinkedHashMap<>(Tenants.standard("bankB"));
        document.put("sdk", Map.of("confirmCompletion", true));
        var refused = gateway.admin().put("/admin/tenants/careless", document);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("sdk.confirmCompletion"), refused.body());
    }
}
