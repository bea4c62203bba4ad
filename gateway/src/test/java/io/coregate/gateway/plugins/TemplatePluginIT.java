package io.coregate.gateway.plugins;

import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.TestDatabase;
import io.coregate.gateway.testing.TestGateway;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugins.examplebank.ExampleBankSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template plugin as a bank's developer ships it: the jar built by {@code plugins/template} is dropped into a running
 * gateway's plugin directory, a tenant is onboarded on it pointing at the simulated examplebank (the template's own
 * simulator, speaking the bank's HTTP API), and a Connector's lookup and payee transfer run through it: quote, transfer,
 * {@code COMPLETED} notification (sent twice), the customer credited once in the simulator's ledger.
 */
class TemplatePluginIT {

    private static final String TENANT = "examplebank-a";
    private static final Path TEMPLATE_JAR = Path.of("target", "test-plugins", "examplebank-1.0.0.jar");

    @Test
    void theTemplateJarHotLoadsAndServesALookupAndAPayeeTransfer() throws IOException {
        assertTrue(Files.isRegularFile(TEMPLATE_JAR), "run the reactor build first: " + TEMPLATE_JAR.toAbsolutePath() + " is missing");
        Path secrets = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-secrets")), "tpl").toAbsolutePath();
        Files.writeString(secrets.resolve(TENANT + "-apiToken"), ExampleBankSimulator.TOKEN);
        try (Simulator bank = ExampleBankSimulator.start();
             TestGateway gateway = TestGateway.start(TestDatabase.freshSchema(), Map.of("tenants.secrets-dir", secrets.toString()))) {
            Files.copy(TEMPLATE_JAR, Plugins.dropIn(gateway).resolve(TEMPLATE_JAR.getFileName()));
            var loaded = Plugins.await(gateway, e -> Plugins.version("examplebank", "1.0.0").test(e) && "STARTED".equals(e.get("state")),
                Duration.ofSeconds(10));
            assertEquals("dropped", loaded.get("source"));

            var onboarded = gateway.admin().put("/admin/tenants/" + TENANT, tenant(bank, secrets));
            assertEquals(201, onboarded.status(), onboarded.body());
            var backend = new Backend(gateway, TENANT);
            String bob = ExampleBankSimulator.BOB.msisdn();
            var party = backend.get("/parties/MSISDN/" + bob);
            assertEquals(200, party.status(), party.body());
            assertEquals("Bob Phiri", party.field("displayName"));
            assertEquals("examplefsp", party.field("fspId"));

            var quoteRequest = Payee.quote(Payee.id(), bob, "SEND", "100");
            quoteRequest.put("to", Payee.party("MSISDN", bob, "examplefsp"));
            var quote = backend.quote(quoteRequest);
            assertEquals(200, quote.status(), quote.body());
            String transferId = Payee.id();
            var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
            assertEquals(200, reserved.status(), reserved.body());
            assertEquals("RESERVED", reserved.field("transferState"), reserved.body());
            for (int notification = 0; notification < 2; notification++) {
                var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
                assertEquals(200, completed.status(), completed.body());
            }
            assertEquals("COMMITTED", backend.get("/transfers/" + transferId).field("transferState"));

            var postings = bank.ledger().postings(transferId + "-commit");
            assertEquals(1, postings.size(), "postings of the credit leg: " + bank.ledger().postings());
            assertEquals(0, new BigDecimal("200").compareTo(bank.ledger().balance(ExampleBankSimulator.BOB.accountNo())), "Bob's balance");
            assertEquals(0, ExampleBankSimulator.FLOAT_FUNDS.subtract(new BigDecimal("100"))
                .compareTo(bank.ledger().balance(ExampleBankSimulator.FLOAT)), "the float's balance");
            assertEquals(List.of(), bank.ledger().violations());
            var log = gateway.admin().get("/admin/tenants/" + TENANT + "/transfers/" + transferId);
            assertEquals(postings.getFirst().id(), log.field("cbsReference"), log.body());
        }
    }

    /** The tenant document of the plugin's README, pointed at this simulator and this secrets directory. */
    private static Map<String, Object> tenant(Simulator bank, Path secrets) {
        var cbs = new LinkedHashMap<String, Object>();
        cbs.put("plugin", "examplebank");
        cbs.put("pluginVersion", ">=1.0.0 & <2.0.0");
        cbs.put("timeoutMillis", 5000);
        cbs.put("settings", Map.of("baseUrl", bank.baseUri().toString()));
        cbs.put("secrets", Map.of("apiToken", "file:" + secrets.resolve(TENANT + "-apiToken")));
        var doc = new LinkedHashMap<String, Object>();
        doc.put("dfspId", "examplefsp");
        doc.put("currencies", List.of("ZMW"));
        doc.put("cbs", cbs);
        doc.put("accounts", Map.of("disbursement", ExampleBankSimulator.FLOAT, "collection", ExampleBankSimulator.COLLECTION));
        return doc;
    }
}
