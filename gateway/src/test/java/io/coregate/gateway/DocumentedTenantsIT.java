package io.coregate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.PluginJarBuilder;
import io.coregate.gateway.testing.Plugins;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant documents the README shows work as written: each {@code json} code block of README.md that is a tenant
 * document is onboarded verbatim on a real gateway with the real sandbox plugin jar, then a Connector's lookup, quote,
 * transfer and {@code COMPLETED} notification run against it and the transfer ends {@code COMMITTED}. Among them must
 * be one mapping disbursement and collection accounts the sandbox does not list (house accounts), as DESIGN.md's does.
 */
class DocumentedTenantsIT {

    private static final Path README = Path.of("..", "README.md");
    private static final Path DESIGN = Path.of("..", "..", "shared", "docs", "DESIGN.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json\\n(.*?)^```", Pattern.DOTALL);
    @Test
    void everyTenantDocumentOfTheReadmeQuotesAndTransfers() throws IOException {
        List<Map<String, Object>> documents = tenantDocuments(Files.readString(README));
        assertFalse(documents.isEmpty(), "README.md shows no tenant document");
        assertTrue(documents.stream().anyMatch(DocumentedTenantsIT::mapsUnlistedHouseAccounts),
            "README.md shows no sandbox tenant mapping a disbursement account the sandbox does not list");
        try (TestGateway gateway = TestGateway.start()) {
            for (Map<String, Object> document : documents) {
                lookupQuoteTransfer(gateway, document);
            }
        }
    }

    /**
     * DESIGN.md's tenant document, as written there: it names a {@code t24} plugin of version 1.x, so the sandbox jar
     * repackaged as {@code t24} 1.0.0 stands in for it (the sandbox ignores the {@code baseUrl} setting it does not
     * know). Read from {@code shared/docs/DESIGN.md} beside the repository; the copy in the test resources is used
     * where that is absent and must equal it where present. Onboarded verbatim (201: the document is valid, its secret
     * reference in the tenant's namespace, the plugin accepts it); the sandbox lists no customer in it, so one customer
     * is then added to {@code cbs.settings.accounts} and a quote, transfer and notification run against DESIGN's
     * unlisted disbursement account (the float check passes on the house account's credit line).
     */
    @Test
    void designsTenantDocumentOnboardsVerbatimAndItsHouseAccountsCoverAQuote() throws IOException {
        String document = designTenantDocument();
        try (TestGateway gateway = TestGateway.start()) {
            Path dropIn = Files.createDirectories(gateway.workDir().resolve("plugins"));
            PluginJarBuilder.repackage(PluginJarBuilder.sandboxJar(), dropIn.resolve("t24.jar"),
                Map.of("Plugin-Id", "t24", "Plugin-Version", "1.0.0"));
            Plugins.await(gateway, e -> "t24".equals(e.get("id")) && "STARTED".equals(e.get("state")), Duration.ofSeconds(10));
            var put = gateway.admin().send("PUT", "/admin/tenants/dfspa", "application/json", document.getBytes(StandardCharsets.UTF_8));
            assertEquals(201, put.status(), put.body());

            @SuppressWarnings("unchecked")
            Map<String, Object> withCustomer = Http.JSON.readValue(document, Map.class);
            @SuppressWarnings("unchecked")
            var cbs = (Map<String, Object>) withCustomer.get("cbs");
            var settings = new LinkedHashMap<String, Object>(castMap(cbs.get("settings")));
            settings.put("accounts", List.of(Map.of("idType", "MSISDN", "idValue", "260971000009", "accountNo", "100055501",
                "firstName", "Mutale", "lastName", "Phiri", "currency", "ZMW", "balance", "50.00")));
            cbs.put("settings", settings);
            var replaced = gateway.admin().put("/admin/tenants/dfspa", withCustomer);
            assertEquals(200, replaced.status(), replaced.body());
            lookupQuoteTransferAs(gateway, "dfspa", withCustomer);
        }
    }

    private static String designTenantDocument() throws IOException {
        String copy = Files.readString(Path.of("src", "test", "resources", "design-tenant-document.json"));
        if (Files.isRegularFile(DESIGN)) {
            Matcher block = Pattern.compile("(?s)### Tenant document\n```json\n(.*?)```").matcher(Files.readString(DESIGN));
            assertTrue(block.find(), "DESIGN.md has no tenant document");
            assertEquals(block.group(1), copy, "src/test/resources/design-tenant-document.json must be DESIGN.md's document verbatim");
            return block.group(1);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** The {@code json} blocks that are tenant documents (they name a {@code dfspId} and a {@code cbs}). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tenantDocuments(String markdown) throws JsonProcessingException {
        var documents = new ArrayList<Map<String, Object>>();
        Matcher block = JSON_BLOCK.matcher(markdown);
        while (block.find()) {
            String text = block.group(1).strip();
            if (text.startsWith("{") && text.contains("\"dfspId\"") && text.contains("\"cbs\"")) {
                documents.add(Http.JSON.readValue(text, Map.class));
            }
        }
        return documents;
    }

    private static void lookupQuoteTransfer(TestGateway gateway, Map<String, Object> document) {
        String tenant = "doc-" + document.get("dfspId");
        var put = gateway.admin().put("/admin/tenants/" + tenant, document);
        assertEquals(201, put.status(), put.body());
        lookupQuoteTransferAs(gateway, tenant, document);
    }

    private static void lookupQuoteTransferAs(TestGateway gateway, String tenant, Map<String, Object> document) {
        Map<String, Object> customer = firstCustomer(document)
            .orElseThrow(() -> new AssertionError("the document lists no customer with an idType and idValue to pay"));
        String idType = (String) customer.get("idType");
        String idValue = (String) customer.get("idValue");
        var backend = new Backend(gateway, tenant);

        var party = backend.get("/parties/" + idType + "/" + idValue);
        assertEquals(200, party.status(), party.body());
        assertEquals(document.get("dfspId"), party.field("fspId"));

        var quoteRequest = Payee.quote(Payee.id(), idValue, "SEND", "100");
        quoteRequest.put("to", Payee.party(idType, idValue, (String) document.get("dfspId")));
        quoteRequest.put("currency", ((List<?>) document.get("currencies")).getFirst());
        var quote = backend.quote(quoteRequest);
        assertEquals(200, quote.status(), quote.body());

        String transferId = Payee.id();
        var reserved = backend.prepare(Payee.transfer(transferId, quoteRequest, quote.json()));
        assertEquals(200, reserved.status(), reserved.body());
        assertEquals("RESERVED", reserved.field("transferState"), reserved.body());
        var completed = backend.notify(transferId, Payee.notification(transferId, "COMPLETED"));
        assertEquals(200, completed.status(), completed.body());

        var transfer = backend.get("/transfers/" + transferId);
        assertEquals("COMMITTED", transfer.field("transferState"), transfer.body());
        var log = gateway.admin().get("/admin/tenants/" + tenant + "/transfers/" + transferId);
        assertEquals("COMMITTED", log.field("state"), log.body());
        assertTrue(log.body().contains("commitCredit confirmed by the CBS"), log.body());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> firstCustomer(Map<String, Object> document) {
        return listedAccounts(document).stream().filter(a -> a.get("idType") != null && a.get("idValue") != null).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listedAccounts(Map<String, Object> document) {
        var cbs = (Map<String, Object>) document.get("cbs");
        var settings = (Map<String, Object>) cbs.getOrDefault("settings", Map.of());
        return (List<Map<String, Object>>) settings.getOrDefault("accounts", List.of());
    }

    @SuppressWarnings("unchecked")
    private static boolean mapsUnlistedHouseAccounts(Map<String, Object> document) {
        var cbs = (Map<String, Object>) document.get("cbs");
        var accounts = (Map<String, Object>) document.get("accounts");
        if (!"sandbox".equals(cbs.get("plugin")) || accounts == null || accounts.get("disbursement") == null) {
            return false;
        }
        return listedAccounts(document).stream().noneMatch(a -> accounts.get("disbursement").equals(a.get("accountNo")));
    }
}
