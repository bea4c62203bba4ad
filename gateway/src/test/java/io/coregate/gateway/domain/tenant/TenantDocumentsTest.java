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
    void aListWithAHoleNamesTheElement() {
        var body = new TenantDocumentBody("bank", Arrays.asList("ZMW", null), null, new TenantDocumentBody.Cbs("sandbox", null, null, null,
            null, null), null, null, null, null, null);
        var error = assertThrows(ValidationException.class, () -> TenantDocuments.of(body));
        assertEquals(List.of(new FieldError("currencies[1]", "must be a string")), error.errors());
    }
}
