package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDirectory;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.plugin.api.CallbackHandler;
import io.coregate.plugin.api.Outcome;

import java.util.Optional;

/**
 * Receives a CBS callback: checks the tenant and its token (an unknown tenant or a wrong token is 404 and nothing is
 * stored), stores the callback, then has the tenant's adapter read it (its {@link CallbackHandler}, under the host's
 * guarded call) and writes what it read onto the stored row. Whatever the adapter does, a stored callback is
 * answered as accepted: one it could not read stays stored for operators. Thread-safe.
 */
public final class CallbackReceiver {

    /** The one answer to an address that is not a tenant's callback address: it tells nothing about which part is wrong. */
    static final String UNKNOWN = "no callback endpoint at this address";

    private static final System.Logger LOG = System.getLogger(CallbackReceiver.class.getName());

    private final TenantDirectory directory;
    private final CallbackUrls urls;
    private final CallbackInbox inbox;
    private final CoreBanking cbs;

    public CallbackReceiver(TenantDirectory directory, CallbackUrls urls, CallbackInbox inbox, CoreBanking cbs) {
        this.directory = directory;
        this.urls = urls;
        this.inbox = inbox;
        this.cbs = cbs;
    }

    /**
     * Stores and reads one callback.
     *
     * @param pathTenant the tenant segment of the path
     * @param token      the token segment of the path
     * @return what the adapter read
     * @throws GatewayException 3200 (404) for an unknown tenant or a wrong token; 2003 when it could not be stored
     */
    public CallbackReading receive(String pathTenant, String token, ReceivedCallback callback) {
        Tenant tenant = Optional.of(pathTenant).filter(TenantId::isValid).map(TenantId::new).map(directory.all()::get)
            .filter(found -> urls.admits(found.id(), token))
            .orElseThrow(() -> new GatewayException(ErrorCode.ID_NOT_FOUND, UNKNOWN));
        long id;
        try {
            id = inbox.store(tenant.id(), callback);
        } catch (RuntimeException e) {
            throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE, "the callback could not be stored; send it again", e);
        }
        CallbackReading reading = read(tenant, callback);
        inbox.interpret(tenant.id(), id, reading);
        return reading;
    }

    private CallbackReading read(Tenant tenant, ReceivedCallback callback) {
        try {
            Outcome<Optional<CallbackReading>> outcome = cbs.call(tenant, "callback", adapter -> Outcome.done(
                adapter instanceof CallbackHandler handler
                    ? Optional.of(handler.match(callback.forAdapter())
                        .map(match -> CallbackReading.matched(match.reference(), match.status()))
                        .orElseGet(() -> CallbackReading.unmatched("the adapter did not recognise it")))
                    : Optional.empty()));
            return switch (outcome) {
                case Outcome.Done<Optional<CallbackReading>> done -> done.value()
                    .orElseGet(() -> CallbackReading.unmatched("the tenant's CBS adapter does not read callbacks"));
                case Outcome.Failed<Optional<CallbackReading>> failed -> CallbackReading.unmatched("not read: " + failed.kind() + " "
                    + failed.message());
                case Outcome.Pending<Optional<CallbackReading>> pending -> CallbackReading.unmatched("not read: the adapter answered pending");
            };
        } catch (GatewayException e) {
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + ": a stored CBS callback was not read: " + e.getMessage());
            return CallbackReading.unmatched("not read: " + e.code().code() + " " + e.getMessage());
        }
    }
}
