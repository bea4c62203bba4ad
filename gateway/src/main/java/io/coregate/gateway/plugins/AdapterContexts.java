package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.tenant.TenantDocument;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Settings;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;

/** Builds the {@link AdapterContext} a plugin gets for one tenant's document: the same at onboarding and in use. Stateless. */
final class AdapterContexts {

    private AdapterContexts() {
    }

    /** The tenant's context, with its callback base URL when the host offers one. */
    static AdapterContext of(TenantId tenant, TenantDocument doc, SecretResolver secrets, Function<TenantId, Optional<String>> callbackUrls) {
        AdapterContext context = of(tenant, doc, secrets);
        return callbackUrls.apply(tenant).map(context::withCallbackUrl).orElse(context);
    }

    static AdapterContext of(TenantId tenant, TenantDocument doc, SecretResolver secrets) {
        var timeouts = new EnumMap<Operation, Duration>(Operation.class);
        doc.cbs().timeouts().forEach((operation, millis) -> timeouts.put(operation, Duration.ofMillis(millis)));
        return new AdapterContext(tenant.value(), doc.dfspId(), new HashSet<>(doc.currencies()), new Settings(doc.cbs().settings()),
            secrets.forTenant(tenant, doc.cbs().secrets()), accounts(doc.accounts()), Duration.ofMillis(doc.cbs().timeoutMillis()), timeouts);
    }

    private static AccountMapping accounts(TenantDocument.Accounts accounts) {
        var byCurrency = new LinkedHashMap<String, AccountMapping>();
        accounts.byCurrency().forEach((currency, entry) -> byCurrency.put(currency, accounts(entry)));
        return new AccountMapping(accounts.disbursement(), accounts.collection(), accounts.branch(), byCurrency);
    }
}
