package io.coregate.gateway.domain.tenant;

import java.util.LinkedHashMap;

/** Removes secret references from documents before they are audited. */
public final class Redaction {

    /** What a redacted value reads as. */
    public static final String REDACTED = "***";

    private Redaction() {
    }

    /** The canonical document with every {@code cbs.secrets} value replaced. */
    public static TenantDocumentBody document(TenantDocument document) {
        TenantDocumentBody body = document.canonical();
        TenantDocumentBody.Cbs cbs = body.cbs();
        var secrets = new LinkedHashMap<String, Object>();
        cbs.secrets().keySet().forEach(name -> secrets.put(name, REDACTED));
        return new TenantDocumentBody(body.dfspId(), body.currencies(), body.supportedIdTypes(),
            new TenantDocumentBody.Cbs(cbs.plugin(), cbs.pluginVersion(), cbs.timeoutMillis(), cbs.maxConcurrency(), cbs.settings(), secrets,
                cbs.timeouts(), cbs.pendingDeadlineSeconds()),
            body.sdk(), body.accounts(), body.fees(), body.liquidity(), body.access());
    }
}
