package io.coregate.plugins.fineract;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.SettingProblem;
import java.time.Clock;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's extension: one {@link FineractAdapter} per tenant. {@link #validate} and {@link #create} read the settings
 * (no network I/O) through {@link FineractSettings}; {@code create} fails with {@code CbsException(REJECTED)} listing every
 * problem with its field. Stateless and thread-safe.
 */
@Extension
public final class FineractAdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public List<SettingProblem> validate(AdapterContext context) {
        return FineractSettings.problems(context);
    }

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        FineractSettings settings = FineractSettings.of(context);
        return new FineractAdapter(settings, new FineractClient(settings, context.secrets()),
                new FineractWire(settings, Clock.systemUTC()), context.currencies());
    }
}
