package io.coregate.gateway.sdk;

import io.coregate.gateway.domain.payer.Connector;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import io.coregate.gateway.domain.payer.OutboundTransfer;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.testing.OutboundSimulator;
import io.coregate.gateway.testing.SimulatorPlan;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.gateway.testing.Tenants;
import io.coregate.plugin.api.AmountType;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.PartyId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector client as Main wires it: the tenant's stored sdk.outboundUrl and the sdk.client.* settings apply. */
class WiredConnectorIT {

    @Test
    void gatewayCallsTheTenantsConnectorWithTheConfiguredTimeouts() {
        try (var simulator = OutboundSimulator.start();
             var gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("sdk.client.accept-timeout-millis", "400"))) {
            simulator.planFor("260972100001", SimulatorPlan.normal().acceptUnknown(SimulatorPlan.Step.HANG, "COMMITTED"));
            var doc = Tenants.standard("bankA");
            doc.put("sdk", Map.of("outboundUrl", simulator.url() + "/"));
            assertEquals(201, gateway.admin().put("/admin/tenants/bank-a", doc).status());
            Tenant tenant = gateway.directory().resolve("bank-a");
            Connector connector = gateway.connector();

            var payer = new OutboundTransfer.Party(PartyId.of("MSISDN", "260971000001"), Optional.of("Alice Banda"), Optional.empty());
            var request = new OutboundTransfer("home-1", payer, OutboundTransfer.Party.of(PartyId.of("MSISDN", "260972100001")),
                AmountType.SEND, Money.of("25", "ZMW"), OutboundTransfer.TRANSFER, Optional.empty());
            var quoted = assertInstanceOf(ConnectorOutcome.Quoted.class, connector.postTransfer(tenant, request)).transfer();

            long start = System.nanoTime();
            assertInstanceOf(ConnectorOutcome.Unknown.class, connector.acceptQuote(tenant, quoted.transferId(), true));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0,
                "the configured 400 ms, not the 65 s default, ended the wait");
            assertInstanceOf(ConnectorOutcome.Completed.class, connector.getTransfer(tenant, quoted.transferId()));
            assertEquals(1, simulator.transfer(quoted.transferId()).orElseThrow().accepts());
            String metrics = gateway.admin().with("Accept", "text/plain").get("/observe/metrics").body();
            assertTrue(metrics.matches("(?s).*coregate_connector_calls_seconds_count\\{[^}]*operation=\"accept\"[^}]*outcome=\"unknown\".*"),
                "connector calls are timed per operation and outcome");
        }
    }
}
