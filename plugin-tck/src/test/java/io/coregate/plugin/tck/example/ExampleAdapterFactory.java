package io.coregate.plugin.tck.example;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.FailureKind;
import java.net.URI;

/**
 * Creates the example bank's adapter: {@code cbs.settings.baseUrl} (required), secret {@code apiToken} (a bearer token),
 * and the tenant's disbursement and collection accounts (both required). Stateless and thread-safe.
 */
public final class ExampleAdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        URI baseUrl;
        try {
            baseUrl = URI.create(context.settings().requireString("baseUrl").replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new CbsException(FailureKind.REJECTED, "cbs.settings.baseUrl is not a URL");
        }
        String disbursement = context.accounts().disbursement()
                .orElseThrow(() -> new CbsException(FailureKind.REJECTED, "accounts.disbursement is required"));
        String collection = context.accounts().collection()
                .orElseThrow(() -> new CbsException(FailureKind.REJECTED, "accounts.collection is required"));
        return new ExampleAdapter(new ExampleClient(baseUrl, context.secrets(), context.httpTimeout()), disbursement, collection);
    }
}
