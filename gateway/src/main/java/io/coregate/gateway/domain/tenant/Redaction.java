package io.coregate.gateway.domain.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

/** Removes secret references from documents before they are audited. */
public final class Redaction {

    /** What a redacted value reads as. */
    public static final String REDACTED = "***";

    private Redaction() {
    }

    /** The canonical document with every {@code cbs.secrets} value replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document(TenantDocument document) {
        var copy = new LinkedHashMap<>(document.canonical());
        var cbs = new LinkedHashMap<>((Map<String, Object>) copy.get("cbs"));
        var secrets = new LinkedHashMap<String, Object>();
        document.cbs().secrets().keySet().forEach(name -> secrets.put(name, REDACTED));
        cbs.put("secrets", secrets);
        copy.put("cbs", cbs);
        return copy;
    }
}
