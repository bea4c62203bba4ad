package io.coregate.plugins.examplebank;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import org.pf4j.Extension;

/**
 * The plugin's extension: one {@link ExampleBankAdapter} per tenant. {@link #create} reads the settings (no network
 * I/O) through {@link ExampleBankSettings} and fails with {@code CbsException(REJECTED)} listing every problem with its
 * field. Stateless and thread-safe.
 */
@Extension
public final class ExampleBankAdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        ExampleBankSettings settings = ExampleBankSettings.of(context);
        return new ExampleBankAdapter(settings, new ExampleBankClient(settings, context.secrets()));
    }
}
