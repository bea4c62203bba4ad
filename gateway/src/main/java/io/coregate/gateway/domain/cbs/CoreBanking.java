package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.Outcome;

import java.util.function.Function;

/**
 * Calls a tenant's CBS adapter with the tenant's timeout and bulkhead. Thread-safe.
 *
 * <p>A call that does not finish in {@code cbs.timeoutMillis} ends in {@link Outcome.Failed} with
 * {@link io.coregate.plugin.api.FailureKind#TIMEOUT}; a {@link io.coregate.plugin.api.CbsException} becomes
 * {@link Outcome.Failed} of its kind. A full bulkhead throws a {@code GatewayException} with 2005 (the call was not
 * made); an adapter bug (any other exception) throws one with 2001, the cause logged and never answered.
 */
public interface CoreBanking {

    /**
     * @param tenant    whose adapter to call
     * @param operation the operation's name, for metrics and logs
     * @param call      what to do with the adapter
     */
    <T> Outcome<T> call(Tenant tenant, String operation, Function<CoreBankingAdapter, Outcome<T>> call);
}
