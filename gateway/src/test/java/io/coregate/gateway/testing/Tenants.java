package io.coregate.gateway.testing;

import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.tenant.TenantDocumentBody;
import io.coregate.gateway.domain.tenant.TenantDocuments;
import io.coregate.gateway.domain.validation.Validated;
import io.coregate.gateway.json.Binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tenant documents for tests, on the sandbox bank. */
public final class Tenants {

    private Tenants() {
    }

    /** A sandbox account entry. */
    public static Map<String, Object> account(String msisdn, String accountNo, String first, String last, String currency, String balance,
                                              String status) {
        var account = new LinkedHashMap<String, Object>();
        account.put("idType", "MSISDN");
        account.put("idValue", msisdn);
        account.put("accountNo", accountNo);
        account.put("firstName", first);
        account.put("lastName", last);
        account.put("currency", currency);
        account.put("balance", balance);
        account.put("status", status);
        return account;
    }

    /** The standard test bank: Alice (active), Chanda (blocked), Daliso (dormant), in ZMW. */
    public static List<Map<String, Object>> standardAccounts() {
        var accounts = new ArrayList<Map<String, Object>>();
        accounts.add(account("260971000001", "SB-0001", "Alice", "Banda", "ZMW", "5000.00", "ACTIVE"));
        accounts.add(account("260971000003", "SB-0003", "Chanda", "Mwale", "ZMW", "0", "BLOCKED"));
        accounts.add(account("260971000004", "SB-0004", "Daliso", "Zulu", "ZMW", "10", "DORMANT"));
        return accounts;
    }

    /** A sandbox tenant document with the given settings. */
    public static Map<String, Object> sandbox(String dfspId, Map<String, Object> settings) {
        var cbs = new LinkedHashMap<String, Object>();
        cbs.put("plugin", "sandbox");
        cbs.put("timeoutMillis", 2000);
        cbs.put("maxConcurrency", 8);
        cbs.put("settings", settings);
        var doc = new LinkedHashMap<String, Object>();
        doc.put("dfspId", dfspId);
        doc.put("currencies", List.of("ZMW"));
        doc.put("supportedIdTypes", List.of("MSISDN", "ACCOUNT_ID"));
        doc.put("cbs", cbs);
        return doc;
    }

    /** A sandbox tenant with the standard accounts. */
    public static Map<String, Object> standard(String dfspId) {
        return sandbox(dfspId, Map.of("accounts", standardAccounts()));
    }

    /** A document built by hand, bound and checked as the admin API would. */
    public static TenantDocument document(Map<String, Object> raw) {
        return TenantDocuments.of(bind(raw, TenantDocumentBody.class));
    }

    /** A request body built by hand, bound strictly to its wire record as the admin API would. */
    public static <T extends Validated> T bind(Map<String, Object> raw, Class<T> type) {
        return Binding.bind(Binding.tree(raw), type);
    }
}
