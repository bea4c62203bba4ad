package io.coregate.gateway.replica;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway replicas on one database: replica A takes the accept and its bank answers the debit pending; the bank's
 * callback reaches replica B (the tenant's callback URL names B, as a load balancer may). B stores it, and its settling
 * job finishes the transfer from the stored callback alone: A's jobs do not run during the test, and B's own sandbox
 * has never seen the debit, so its status could not have settled it.
 */
class PendingAcrossReplicasIT {

    @Test
    void aPendingDebitIsSettledByACallbackThatReachedTheOtherReplica() {
        var schema = TestDatabase.freshSchema();
        try (var simulator = OutboundSimulator.start();
             var b = TestGateway.start(schema, Map.of("transfers.reconcile.interval-seconds", "1", "tenants.refresh-seconds", "1"));
             var a = TestGateway.start(schema, Map.of("transfers.reconcile.interval-seconds", "3600",
                 "callbacks.base-url", "http://127.0.0.1:" + b.gateway().dfspPort()))) {
            // A bank without holds: once B has the debit, nothing more is asked of a bank (B's own sandbox never saw it).
            var settings = Map.<String, Object>of("accounts", Tenants.standardAccounts(), "holds", false, "async", Map.of("operations",
                List.of("debit", "holdDebit"), "settleAfterMillis", 400, "via", "callback"));
            var bank = Payers.tenant(a, "two-replicas", simulator, "100000", settings);
            // B learns of the tenant on its next refresh (every second here); a callback before that is refused 404.
            assertTrue(Poll.last(Duration.ofSeconds(10), () -> b.directory().all().keySet().stream()
                .anyMatch(id -> id.value().equals("two-replicas")), known -> known), "replica B knows the tenant");
            var before = bank.snapshot();
            String home = Payers.home();
            var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "20"));
            assertEquals(200, quote.status(), quote.body());
            String transferId = quote.field("transferId");
            var accepted = bank.accept(transferId, home, true);
            assertEquals(202, accepted.status(), accepted.body());

            String state = Poll.last(Duration.ofSeconds(20), () -> bank.dfsp().get("/two-replicas/transfers/" + transferId)
                .field("transferState"), s -> "COMMITTED".equals(s) || "ABORTED".equals(s) || "RECONCILE".equals(s));
            assertEquals("COMMITTED", state);
            var callbacks = b.admin().get("/admin/tenants/two-replicas/callbacks?limit=5");
            assertTrue(callbacks.body().contains("COMPLETED"), callbacks.body());
            var after = bank.snapshot();
            assertEquals(0, before.customer().subtract(new BigDecimal("20.20")).compareTo(after.customer()), "debited once, on A's bank");
            assertTrue(bank.ledgerConsistent());
        }
    }
}
