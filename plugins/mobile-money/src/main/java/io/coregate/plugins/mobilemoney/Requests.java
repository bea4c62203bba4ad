package io.coregate.plugins.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The asynchronous side of the API: one money request per leg under an {@code X-CorrelationID} derived from the leg key,
 * its answer (a transaction at once, or a request state to settle later), the look-up of a request whose answer was
 * lost ({@code GET /responses/{clientCorrelationId}}), and the polling of a pending one ({@code GET
 * /requeststates/{serverCorrelationId}}, then {@code GET /transactions/{objectReference}}), within the poll limit.
 * Thread-safe: the only state is the count of polls per pending request.
 */
final class Requests {

    private static final Set<String> COMPLETED = Set.of("completed", "success", "successful", "settled");
    private static final Set<String> FAILED = Set.of("failed", "rejected", "declined", "reversed", "expired", "cancelled", "canceled");
    private static final int MAX_TRACKED = 10_000;

    private record Polls(int count, int limit) {
    }

    private final MobileMoneySettings settings;
    private final MobileMoneyClient provider;
    private final Map<String, Polls> polls = new ConcurrentHashMap<>();

    Requests(MobileMoneySettings settings, MobileMoneyClient provider) {
        this.settings = settings;
        this.provider = provider;
    }

    /**
     * The leg's {@code X-CorrelationID}: a name-based UUID of the leg key, the same on every attempt of the leg and
     * different for every other leg (the GSMA header must be a UUID).
     */
    static String correlationId(LegKey key) {
        return UUID.nameUUIDFromBytes(("coregate-leg:" + key.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Sends one leg's request: on a retry the earlier request is looked up first ({@code /responses}) and answered if the
     * provider has it; a {@code duplicateRequest} answer is looked up the same way; a request the provider never received
     * is posted (again) under the same correlation id.
     */
    Outcome<Receipt> send(LegKey key, String path, Map<String, Object> body, Optional<String> callbackUrl) {
        String correlationId = correlationId(key);
        if (key.isRetry()) {
            Outcome<Optional<TransactionStatus>> earlier = earlier(correlationId);
            if (earlier instanceof Outcome.Failed<Optional<TransactionStatus>> failed) {
                return Outcome.failed(failed.kind(), "mobile money: cannot tell whether request " + correlationId + " was received before, "
                        + "so it is not posted again: " + failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<TransactionStatus>> done && done.value().isPresent()) {
                return receipt(done.value().get(), correlationId);
            }
        }
        Outcome<JsonNode> posted = provider.post(path, body, correlationId, callbackUrl);
        if (MobileMoneyClient.duplicate(posted)) {
            return switch (earlier(correlationId)) {
                case Outcome.Done<Optional<TransactionStatus>> done when done.value().isPresent() -> receipt(done.value().get(), correlationId);
                case Outcome.Failed<Optional<TransactionStatus>> failed -> Outcome.failed(failed.kind(), failed.message());
                default -> Outcome.failed(FailureKind.TIMEOUT, "mobile money answered duplicateRequest for " + correlationId
                        + " but has no response for it yet: the outcome is unknown");
            };
        }
        return switch (posted) {
            case Outcome.Done<JsonNode> done -> switch (state(done.value(), Operation.POSTING)) {
                case Outcome.Done<TransactionStatus> state -> receipt(state.value(), correlationId);
                case Outcome.Failed<TransactionStatus> failed -> Outcome.failed(failed.kind(), failed.message());
                case Outcome.Pending<TransactionStatus> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
            };
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /**
     * What the provider made of the request sent under this correlation id: empty when it never received it (404),
     * else the state of the request or transaction its response links to.
     */
    Outcome<Optional<TransactionStatus>> earlier(String correlationId) {
        Outcome<JsonNode> response = provider.get(MobileMoneyClient.path("/responses/{id}", Map.of("id", correlationId)), Operation.STATUS);
        return switch (response) {
            case Outcome.Failed<JsonNode> failed when failed.kind() == FailureKind.NOT_FOUND -> Outcome.done(Optional.empty());
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.failed(FailureKind.TIMEOUT, "mobile money: no response yet");
            case Outcome.Done<JsonNode> done -> {
                String link = done.value().path("link").asText("");
                if (link.isBlank()) {
                    yield Outcome.failed(FailureKind.TIMEOUT, "mobile money answered a response without a link for " + correlationId);
                }
                yield linked(correlationId, link);
            }
        };
    }

    private Outcome<Optional<TransactionStatus>> linked(String correlationId, String link) {
        Outcome<JsonNode> linked = provider.get(relative(link), Operation.STATUS);
        if (!(linked instanceof Outcome.Done<JsonNode> object)) {
            return Outcome.failed(kind(linked), message(linked));
        }
        return switch (state(object.value(), Operation.STATUS)) {
            case Outcome.Done<TransactionStatus> s -> Outcome.done(Optional.of(s.value()));
            case Outcome.Pending<TransactionStatus> p -> Outcome.done(Optional.of(new TransactionStatus(TransactionStatus.State.PENDING,
                    Optional.of(p.cbsReference()))));
            case Outcome.Failed<TransactionStatus> f -> Outcome.failed(f.kind(), "mobile money: the response of " + correlationId
                    + " links to " + link + ", which cannot be read: " + f.message());
        };
    }

    /**
     * The state behind a pending request's {@code serverCorrelationId} (or a transaction reference): its request state,
     * and when completed the transaction it created. A NOT_FOUND failure when the provider knows neither. Polls a request
     * state at most {@code pollLimit} times (the tenant's, or fewer when the provider names fewer); beyond that it waits
     * for the provider's callback and answers UNAVAILABLE without calling.
     */
    Outcome<TransactionStatus> byReference(String reference) {
        Polls seen = polls.getOrDefault(reference, new Polls(0, settings.pollLimit()));
        if (seen.count() >= seen.limit()) {
            return Outcome.failed(FailureKind.UNAVAILABLE, "mobile money: request " + reference + " was polled " + seen.count()
                    + " times (its poll limit); waiting for the provider's callback");
        }
        Outcome<JsonNode> state = provider.get(MobileMoneyClient.path("/requeststates/{id}", Map.of("id", reference)), Operation.STATUS);
        if (state instanceof Outcome.Done<JsonNode> done) {
            int providerLimit = done.value().path("pollLimit").asInt(0);
            int limit = providerLimit > 0 ? Math.min(providerLimit, settings.pollLimit()) : settings.pollLimit();
            if (polls.size() < MAX_TRACKED) {
                polls.put(reference, new Polls(seen.count() + 1, limit));
            }
            Outcome<TransactionStatus> read = state(done.value(), Operation.STATUS);
            if (read instanceof Outcome.Done<TransactionStatus> d && d.value().state() != TransactionStatus.State.PENDING) {
                polls.remove(reference);
            }
            return read;
        }
        if (state instanceof Outcome.Failed<JsonNode> failed && failed.kind() == FailureKind.NOT_FOUND) {
            Outcome<JsonNode> transaction = provider.get(MobileMoneyClient.path("/transactions/{ref}", Map.of("ref", reference)),
                    Operation.STATUS);
            return transaction instanceof Outcome.Done<JsonNode> found ? state(found.value(), Operation.STATUS)
                    : Outcome.failed(kind(transaction), message(transaction));
        }
        return Outcome.failed(kind(state), message(state));
    }

    /**
     * A request state or transaction object as a status: a completed request state is confirmed by reading its
     * transaction ({@code GET /transactions/{objectReference}}).
     */
    Outcome<TransactionStatus> state(JsonNode object, Operation kind) {
        if (object.hasNonNull("serverCorrelationId") && object.hasNonNull("status")) {
            String id = object.path("serverCorrelationId").asText();
            String status = object.path("status").asText("").toLowerCase(Locale.ROOT);
            String reference = object.path("objectReference").asText("");
            if ("completed".equals(status)) {
                if (reference.isBlank()) {
                    return Outcome.done(new TransactionStatus(TransactionStatus.State.COMPLETED, Optional.of(id)));
                }
                Outcome<JsonNode> transaction = provider.get(MobileMoneyClient.path("/transactions/{ref}", Map.of("ref", reference)), kind);
                return transaction instanceof Outcome.Done<JsonNode> found ? Outcome.done(transaction(found.value()))
                        : Outcome.failed(kind(transaction), message(transaction));
            }
            if ("failed".equals(status)) {
                return Outcome.done(new TransactionStatus(TransactionStatus.State.FAILED, Optional.of(id)));
            }
            return Outcome.pending(id, settings.checkAfter());
        }
        if (object.hasNonNull("transactionReference")) {
            return Outcome.done(transaction(object));
        }
        return Outcome.failed(FailureKind.TIMEOUT, "mobile money answered neither a request state nor a transaction: the outcome is unknown");
    }

    /** A transaction object's state, under its {@code transactionReference}. */
    static TransactionStatus transaction(JsonNode object) {
        return new TransactionStatus(state(object.path("transactionStatus").asText("")), Optional.of(object.path("transactionReference").asText()));
    }

    /** A GSMA {@code transactionStatus} (free text) as a state: unknown words are still pending. */
    static TransactionStatus.State state(String transactionStatus) {
        String status = transactionStatus.strip().toLowerCase(Locale.ROOT);
        if (COMPLETED.contains(status)) {
            return TransactionStatus.State.COMPLETED;
        }
        return FAILED.contains(status) ? TransactionStatus.State.FAILED : TransactionStatus.State.PENDING;
    }

    private Outcome<Receipt> receipt(TransactionStatus status, String correlationId) {
        String reference = status.cbsReference().orElse(correlationId);
        return switch (status.state()) {
            case COMPLETED -> Outcome.done(new Receipt(reference));
            case PENDING -> Outcome.pending(reference, settings.checkAfter());
            case FAILED -> Outcome.failed(FailureKind.REJECTED, "mobile money failed request " + correlationId + " (" + reference + ")");
            case NOT_FOUND -> Outcome.failed(FailureKind.TIMEOUT, "mobile money does not know request " + correlationId);
        };
    }

    /** A link the provider answered (absolute or relative), as a path below {@code baseUrl}. */
    private String relative(String link) {
        String base = settings.baseUrl().toString();
        if (link.startsWith(base)) {
            return link.substring(base.length());
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            String path = URI.create(link).getRawPath();
            String basePath = settings.baseUrl().getRawPath() == null ? "" : settings.baseUrl().getRawPath();
            return path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        }
        return link.startsWith("/") ? link : "/" + link;
    }

    private static FailureKind kind(Outcome<?> outcome) {
        return outcome instanceof Outcome.Failed<?> failed ? failed.kind() : FailureKind.TIMEOUT;
    }

    private static String message(Outcome<?> outcome) {
        return outcome instanceof Outcome.Failed<?> failed ? failed.message() : "mobile money: no answer yet";
    }
}
