package io.coregate.plugin.api;

import java.util.Optional;

/**
 * The tenant's secrets by name (the keys of {@code cbs.secrets}). The host resolves each reference
 * ({@code env:NAME} or {@code file:/path}) on every call, so a rotated Kubernetes Secret takes effect without a
 * restart. Values must never be logged or put into error messages.
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
@FunctionalInterface
public interface Secrets {

    /**
     * @param name the key in {@code cbs.secrets}
     * @return the resolved value, empty when the tenant declares no such secret
     * @throws CbsException with {@link FailureKind#UNAVAILABLE} when the reference cannot be resolved
     */
    Optional<String> get(String name);

    /**
     * The names the tenant declares (the keys of {@code cbs.secrets}), without resolving any: what a factory checks in
     * {@link CoreBankingAdapterFactory#validate}. The default (for a lambda) knows none.
     *
     * @since 2.0.0
     */
    default java.util.Set<String> names() {
        return java.util.Set.of();
    }

    /** The secret, or a {@link CbsException} naming the missing key (never the value). */
    default String require(String name) {
        return get(name).orElseThrow(() -> new CbsException(FailureKind.REJECTED, "secret '" + name + "' is not configured"));
    }
}
