package io.coregate.gateway.payer;

import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.Payers;
import io.coregate.gateway.testing.Poll;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.api.DebitRequest;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.PartyId;
import io.coregate.plugin.api.Receipt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway that stopped after sending an accept leaves the transfer DEBITED (the customer's money held, the accept at
 * the connector, no outcome recorded): the resolver makes it UNCERTAIN and settles it as the hub decided.
 */
class StuckAcceptIT {

    @Test
    void aDebitedTransferLeftBehindIsResolvedAsTheHubDecided() throws Exception {
        try (var simulator = OutboundSimulator.start();
             var gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("transfers.reconcile.interval-seconds", "1",
                 "transfers.lease-millis", "100", "sdk.client.accept-timeout-millis", "500", "sdk.client.transfer-timeout-millis", "500"))) {
            var bank = Payers.tenant(gateway, "stuck-bank", simulator, "100000");
            var before = bank.snapshot();
            String home = Payers.home();
            var quote = bank.send(Payers.sendMoney(home, Payers.MARY, "70"));
            assertEquals(200, quote.status(), quote.body());
            String transferId = quote.field("transferId");

            // What the stopped gateway had done: the hold, the DEBITED row, the accept sent to the connector.
            var tenant = gateway.directory().resolve("stuck-bank");
            var hold = new DebitRequest(transferId, PartyId.of("MSISDN", Payers.ALICE), Money.of("70.70", "ZMW"), Optional.empty());
            Outcome<Receipt> held = gateway.adapters().call(tenant, "holdDebit", a -> a.holdDebit(hold));
            String reference = assertInstanceOf(Outcome.Done.class, held).value() instanceof Receipt r ? r.cbsReference() : "";
            try (var connection = gateway.schema().connect();
                 var statement = connection.prepareStatement("UPDATE transfers SET state = 'DEBITED', cbs_reference = ?, "
                     + "updated_at = now() - interval '1 hour' WHERE tenant_id = 'stuck-bank' AND mojaloop_transfer_id = ?")) {
                statement.setString(1, reference);
                statement.setString(2, transferId);
                assertEquals(1, statement.executeUpdate());
            }
            var accepted = Payers.client(simulator.url()).put("/transfers/" + transferId, Map.of("acceptQuote", true));
            assertEquals(200, accepted.status(), accepted.body());

            String state = Poll.last(Duration.ofSeconds(10), () -> bank.dfsp().get("/stuck-bank/transfers/" + transferId).field("transferState"),
                "COMMITTED"::equals);
            assertEquals("COMMITTED", state);
            var after = bank.snapshot();
            assertEquals(0, before.customer().subtract(new BigDecimal("70.70")).compareTo(after.customer()), "the hold is captured once");
            assertEquals(0, before.position().add(new BigDecimal("70")).compareTo(after.position()));
            assertEquals(0, before.reserved().compareTo(after.reserved()));
            assertTrue(bank.ledgerConsistent());
        }
    }
}
