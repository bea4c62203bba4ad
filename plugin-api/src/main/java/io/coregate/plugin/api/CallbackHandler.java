package io.coregate.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Implemented, besides {@link CoreBankingAdapter}, by an adapter whose CBS calls back (a GSMA wallet POSTing to the
 * {@code X-Callback-URL} it was given): it reads what the CBS sent and says which transaction it settles.
 *
 * <p>Contract for implementers:
 * <ul>
 *   <li><b>Stored before matching.</b> The host stores every callback that arrives at the tenant's
 *       {@link AdapterContext#callbackUrl() callback URL} before it calls {@link #match}, and stores the answer beside
 *       it; a callback the adapter cannot read ({@link Optional#empty()}) stays stored for operators. The host answers
 *       the CBS {@code 200} either way.</li>
 *   <li><b>Any order, any number, any replica.</b> A callback may arrive before the {@code 202} the CBS answered the
 *       money call with (so before the gateway knows the pending leg), twice or more, or on another replica of the
 *       gateway than the one that made the call. The host matches it to the leg later by {@code reference}.</li>
 *   <li><b>Side-effect free.</b> {@code match} only reads: no CBS call, no booking, no state in the adapter. It runs
 *       under the host's usual guard (timeout, bulkhead, the plugin's class loader) and must be fast and
 *       thread-safe.</li>
 *   <li><b>Not authentication.</b> The host has already checked the tenant's secret token in the URL; an adapter may
 *       check a signature the CBS adds, and answers {@link Optional#empty()} when it fails.</li>
 * </ul>
 *
 * @since 2.1.0
 */
public interface CallbackHandler {

    /**
     * Reads one callback.
     *
     * @param callback what arrived
     * @return the transaction it settles and how, or empty when it is not one this adapter can read
     */
    Optional<CallbackMatch> match(Callback callback);

    /**
     * One HTTP request the CBS made to the tenant's callback URL. Immutable and thread-safe.
     *
     * @param method  the HTTP method ({@code POST}, {@code PUT}, ...)
     * @param subPath what followed the token in the path ({@code /transactions}), or empty
     * @param headers the request's headers, names in lower case
     * @param body    the request body as text (UTF-8), possibly empty
     * @since 2.1.0
     */
    record Callback(String method, String subPath, Map<String, List<String>> headers, String body) {
        public Callback {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(subPath, "subPath");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        /**
         * The first value of a header.
         *
         * @param name the header name, any case
         * @return its first value, if present
         */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    /**
     * What a callback says. Immutable and thread-safe.
     *
     * @param reference either the {@code cbsReference} the adapter answered in {@link Outcome.Pending}, or the leg's
     *                  key ({@link LegKey#value()}) that the adapter gave the CBS
     * @param status    the transaction's state as the callback tells it: {@link TransactionStatus.State#COMPLETED}
     *                  with the booking's reference, {@link TransactionStatus.State#FAILED}, or
     *                  {@link TransactionStatus.State#PENDING}
     * @since 2.1.0
     */
    record CallbackMatch(String reference, TransactionStatus status) {
        public CallbackMatch {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(status, "status");
            if (reference.isBlank()) {
                throw new IllegalArgumentException("reference must not be blank");
            }
        }
    }
}
