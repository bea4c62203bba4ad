package io.coregate.plugins.mobilemoney;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.SettingProblem;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's extension: one {@link MobileMoneyAdapter} per tenant. {@link #validate} and {@link #create} read the
 * settings through {@link MobileMoneySettings} (no network I/O); {@code create} fails with {@code CbsException(REJECTED)}
 * listing every problem with its field. The adapter is also the tenant's {@code CallbackHandler}. Stateless and
 * thread-safe.
 */
@Extension
public final class MobileMoneyAdapterFactory implements CoreBankingAdapterFactory {

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        MobileMoneySettings settings = MobileMoneySettings.of(context);
        return new MobileMoneyAdapter(settings, new MobileMoneyClient(settings, context.secrets(), context.callbackUrl()),
                context.currencies(), context.callbackUrl());
    }

    @Override
    public List<SettingProblem> validate(AdapterContext context) {
        return MobileMoneySettings.problems(context);
    }
}
