package io.coregate.gateway.http;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.Tenants;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayeeRestartIT {

    @Test
    void restartAfterReservationLosesNothing() {
        var schema = TestDatabase.freshSchema();
        String transferId = Payee.id();
        Map<String, Object> reserved;
        BigDecimal alice;
        try (var first = TestGateway.start(schema, Map.of())) {
            assertEquals(201, first.admin().put("/admin/tenants/bank-a", Tenants.standard("bankA")).status());
            alice = PayeeFlowIT.balance(first, "bank-a", "SB-0001");
            reserved = PayeeFlowIT.reserve(new Backend(first, "bank-a"), transferId, "60");
        }
        try (var second = TestGateway.start(schema, Map.of())) {
            var backend = new Backend(second, "bank-a");
            assertEquals("RESERVED", backend.get("/transfers/" + transferId).field("transferState"));
            var notified = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
            assertEquals(200, notified.status(), notified.body());
            var details = backend.get("/transfers/" + transferId);
            assertEquals("COMMITTED", details.field("transferState"));
            assertEquals(reserved.get("homeTransactionId"), details.field("homeTransactionId"));
            assertEquals(0, alice.add(new BigDecimal("60")).compareTo(PayeeFlowIT.balance(second, "bank-a", "SB-0001")));
            var journal = (List<?>) second.admin().get("/admin/tenants/bank-a/transfers/" + transferId).json().get("journal");
            assertEquals(3, journal.size(), journal.toString());
        }
    }
}
