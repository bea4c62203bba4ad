package io.coregate.plugins.flexcube;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.SettingProblem;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's extension: one {@link FlexcubeAdapter} per tenant. {@link #validate} and {@link #create} read the settings
 * through {@link FlexcubeSettings} (no network I/O); {@code create} fails with {@code CbsException(REJECTED)} listing every
 * problem with its field. Stateless and thread-safe.
 */
@Extension
public final class FlexcubeAdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        FlexcubeSettings settings = FlexcubeSettings.of(context);
        return new FlexcubeAdapter(settings, new FlexcubeClient(settings, context.secrets()));
    }

    @Override
    public List<SettingProblem> validate(AdapterContext context) {
        return FlexcubeSettings.problems(context);
    }
}
