package io.coregate.plugins.t24;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.SettingProblem;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's extension: one {@link T24Adapter} per tenant. {@link #validate} and {@link #create} read the settings
 * through {@link T24Settings} (no network I/O); {@code create} fails with {@code CbsException(REJECTED)} listing every
 * problem with its field. Stateless and thread-safe.
 */
@Extension
public final class T24AdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        T24Settings settings = T24Settings.of(context);
        return new T24Adapter(settings, new T24Client(settings, context.secrets()));
    }

    @Override
    public List<SettingProblem> validate(AdapterContext context) {
        return T24Settings.problems(context);
    }
}
