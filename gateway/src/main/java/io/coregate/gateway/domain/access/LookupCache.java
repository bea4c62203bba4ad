package io.coregate.gateway.domain.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Credential lookups by public id (API keys, operator tokens), trusted for a short time so each request does not read
 * the database, yet a revocation on another replica takes effect within that time. Bounded: past {@code maxEntries} it
 * starts afresh. Thread-safe.
 *
 * @param <T> what is looked up
 */
final class LookupCache<T> {

    private record Entry<T>(Optional<T> value, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

    LookupCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The cached value of {@code id}, else what {@code load} finds (cached, found or not). */
    Optional<T> get(String id, Function<String, Optional<T>> load) {
        long now = nanoClock.getAsLong();
        Entry<T> cached = entries.get(id);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.value();
        }
        Optional<T> value = load.apply(id);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(id, new Entry<>(value, now + ttlNanos));
        return value;
    }

    /** Forgets {@code id}, so the next lookup reads it again (after a revocation here). */
    void forget(String id) {
        entries.remove(id);
    }
}
