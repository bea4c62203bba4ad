package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.FieldError;
import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.testing.Tenants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A tenant document bound by hand: defaults, normalization and the canonical form stored and answered. */
class TenantDocumentsTest {

    private static Map<String, Object> minimal() {
        var raw = new LinkedHashMap<String, Object>();
        raw.put("dfspId", " bank ");
        raw.put("currencies", List.of("ZMW", "ZMW"));
        raw.put("cbs", Map.of("plugin", "sandbox"));
        return raw;
    }

    @Test
    void defaultsAreAppliedAndTheCanonicalFormSpellsThemOut() {
        TenantDocument doc = Tenants.document(minimal());
        assertEquals("bank", doc.dfspId());
        assertEquals(List.of("ZMW"), doc.currencies());
        assertEquals(List.copyOf(TenantDocuments.DEFAULT_ID_TYPES), List.copyOf(doc.supportedIdTypes()));
        assertEquals(new TenantDocument.Cbs("sandbox", Optional.empty(), 5_000, 32, Map.of(), Map.of()), doc.cbs());
        assertEquals(new TenantDocument.FeePolicy(BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty()), doc.fees().send());
        TenantDocumentBody canonical = doc.canonical();
        assertEquals(new TenantDocumentBody.Fee("0", "0", null), canonical.fees().receive());
        assertEquals(new TenantDocumentBody.Cbs("sandbox", null, 5_000, 32, Map.of(), Map.of()), canonical.cbs());
    }

    @Test
    void theCanonicalFormReadsBackToTheSameDocument() {
        var raw = minimal();
        raw.put("fees", Map.of("send", Map.of("percent", "1.0", "min", "0.50", "max", "10")));
        raw.put("liquidity", Map.of("ZMW", Map.of("limit", "1000.00")));
        raw.put("sdk", Map.of("outboundUrl", "http://sdk:4001"));
        TenantDocument doc = Tenants.document(raw);
        assertEquals(new TenantDocument.Liquidity(new BigDecimal("1000.00"), 10), doc.liquidity().get("ZMW"));
        assertEquals("http://sdk:4001", doc.sdk().outboundUrl().orElseThrow().toString());
        TenantDocument again = TenantDocuments.of(doc.canonical());
        assertEquals(doc, again);
    }

    @Test
    void timeoutsPerKindAndAccountsPerCurrencyAreTypedAndKeptInTheCanonicalForm() {
        var raw = minimal();
        raw.put("currencies", List.of("ZMW", "USD"));
        raw.put("cbs", Map.of("plugin", "sandbox", "timeoutMillis", 4000, "timeouts", Map.of("lookup", 800, "posting", 20000)));
        raw.put("accounts", Map.of("disbursement", "F-1", "collection", "C-1", "branch", "B-1",
            "byCurrency", Map.of("USD", Map.of("disbursement", "F-USD"))));
        TenantDocument doc = Tenants.document(raw);
        assertEquals(java.time.Duration.ofMillis(800), doc.cbs().timeout("lookupParty"));
        assertEquals(java.time.Duration.ofMillis(20000), doc.cbs().timeout("commitCredit"));
        assertEquals(java.time.Duration.ofMillis(4000), doc.cbs().timeout("status"), "a kind without its own timeout");
        assertEquals(java.time.Duration.ofMillis(20000), doc.cbs().longestTimeout());
        assertEquals(new TenantDocument.Accounts(Optional.of("F-USD"), Optional.of("C-1"), Optional.of("B-1"), Map.of()),
            doc.accounts().forCurrency("USD"));
        assertEquals(Optional.of("F-1"), doc.accounts().forCurrency("ZMW").disbursement());
        assertEquals(doc, TenantDocuments.of(doc.canonical()));
        assertEquals(doc.canonical(), TenantDocuments.of(Redaction.document(doc)).canonical(), "redaction keeps timeouts and accounts");
    }

    @Test
    void badTimeoutsAndAccountsOfAnotherCurrencyNameTheirFields() {
        var raw = minimal();
        raw.put("cbs", Map.of("plugin", "sandbox", "timeouts", Map.of("lookup", 10, "health", 200_000)));
        raw.put("accounts", Map.of("byCurrency", Map.of("USD", Map.of("collection", "C-USD"))));
        var error = assertThrows(ValidationException.class, () -> Tenants.document(raw));
        assertEquals(List.of("accounts.byCurrency.USD", "cbs.timeouts.health", "cbs.timeouts.lookup"),
            error.errors().stream().map(FieldError::field).sorted().toList(), error.errors().toString());
    }

    @Test
    void aListWithAHoleNamesTheElement() {
        var body = new TenantDocumentBody("bank", Arrays.asList("ZMW", null), null, new TenantDocumentBody.Cbs("sandbox", null, null, null,
            null, null), null, null, null, null, null);
        var error = assertThrows(ValidationException.class, () -> TenantDocuments.of(body));
        assertEquals(List.of(new FieldError("currencies[1]", "must be a string")), error.errors());
    }
}
