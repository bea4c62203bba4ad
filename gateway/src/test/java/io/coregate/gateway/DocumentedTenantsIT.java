package io.coregate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.coregate.gateway.testing.Backend;
import io.coregate.gateway.testing.Http;
import io.coregate.gateway.testing.Payee;
import io.coregate.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
