package io.coregate.gateway.domain.cbs;

import io.coregate.gateway.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * The tenants' stored CBS callbacks, shared by every replica on the database. Thread-safe.
 *
 * <p>A callback is stored before it is read, so it can arrive before the leg it settles exists, twice, or on another
 * replica: {@link #settled} finds it by reference whenever asked.
 */
public interface CallbackInbox {

    /** How much of a body {@link #recent} shows. */
    int LISTED_BODY_CHARS = 2_000;

    /**
     * Stores a callback as it arrived, before anything reads it.
     *
     * @return its id
     */
    long store(TenantId tenant, ReceivedCallback callback);

    /** Writes what the adapter read onto the stored callback. */
    void interpret(TenantId tenant, long callbackId, CallbackReading reading);

    /**
     * The newest stored callback of the tenant for {@code reference} (a pending {@code cbsReference} or a leg key) whose
     * state is COMPLETED or FAILED. A duplicate changes nothing; a PENDING callback is not a settlement.
     *
     * @param tenant    whose CBS called back
     * @param reference the reference the adapter matched the callback to
     * @return the settlement, if one arrived
     */
    Optional<SettledCallback> settled(TenantId tenant, String reference);

    /** The tenant's newest callbacks first, at most {@code limit}, bodies cut to {@link #LISTED_BODY_CHARS}. */
    List<StoredCallback> recent(TenantId tenant, int limit);
}
