package io.coregate.plugins.t24;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.CreditRequest;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.support.keys.LegKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Payee-side reservations as locked amounts on the disbursement account ({@code POST <lockPath>}, released with
 * {@code DELETE <lockPath>/<lockId>}), where the bank's Transact exposes them ({@code cbs.settings.lockPath}).
 * A lock carries the reserve leg's key as its {@code lockReason}, so a retried reserve finds its earlier lock in
 * {@code GET /holdings/accounts/{accountId}/reservedFunds} instead of locking twice. Thread-safe.
 */
final class Locks {

    /** Lock reasons: the reserve leg's key in 17 letters and digits (T24's lock reference length). */
    static final LegKeys REASONS = new LegKeys(17, LegKeys.Charset.ALPHANUMERIC, LegKeys.LegStyle.CODE);
    /** The receipt of a reservation when the bank exposes no locks: nothing was locked. */
    static final Receipt NO_LOCK = new Receipt("t24-no-lock");

    private final T24Settings settings;
    private final T24Client bank;

    Locks(T24Settings settings, T24Client bank) {
        this.settings = settings;
        this.bank = bank;
    }

    /** Whether reservations lock funds (a lock path is configured). */
    boolean enabled() {
        return settings.lockPath().isPresent();
    }

    /** Locks the credit's amount on the disbursement account; a retry answers the earlier lock. */
    Outcome<Receipt> lock(CreditRequest request) {
        if (!enabled()) {
            return Outcome.done(NO_LOCK);
        }
        String account = disbursement(request);
        String reason = REASONS.key(request.leg().orElse(LegKey.first(request.transferId(), Leg.RESERVE)));
        if (request.attempt() > 1) {
            Outcome<Optional<String>> earlier = find(account, reason);
            if (earlier instanceof Outcome.Failed<Optional<String>> failed) {
                return Outcome.failed(failed.kind(), failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<String>> done && done.value().isPresent()) {
                return Outcome.done(new Receipt(done.value().get()));
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("lockedAmount", request.amount().plain());
        body.put("lockReason", reason);
        body.put("fromDate", LocalDate.now(ZoneOffset.UTC).toString());
        request.context().expiresAt().ifPresent(at -> body.put("toDate", at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString()));
        Outcome<JsonNode> locked = bank.post(T24Client.path(settings.lockPath().orElseThrow(), Map.of("accountId", account)), body);
        return switch (locked) {
            case Outcome.Done<JsonNode> done -> done.value().path("header").path("id").asText("").isBlank()
                    ? Outcome.failed(FailureKind.TIMEOUT, "t24 locked funds without naming the lock: the outcome is unknown")
                    : Outcome.done(new Receipt(done.value().path("header").path("id").asText()));
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    /** Lifts the credit's lock (the reservation's, else the one found by the reserve leg's key); a lock already gone is done. */
    Outcome<Receipt> unlock(CreditRequest request) {
        if (!enabled()) {
            return Outcome.done(NO_LOCK);
        }
        String account = disbursement(request);
        Outcome<Optional<String>> lockId = request.reservation().filter(id -> !id.equals(NO_LOCK.cbsReference()))
                .<Outcome<Optional<String>>>map(id -> Outcome.done(Optional.of(id)))
                .orElseGet(() -> find(account, REASONS.key(LegKey.first(request.transferId(), Leg.RESERVE))));
        if (!(lockId instanceof Outcome.Done<Optional<String>> done)) {
            return lockId instanceof Outcome.Failed<Optional<String>> f ? Outcome.failed(f.kind(), f.message()) : Outcome.done(NO_LOCK);
        }
        if (done.value().isEmpty()) {
            return Outcome.done(NO_LOCK);
        }
        String id = done.value().get();
        Outcome<JsonNode> released = bank.delete(T24Client.path(settings.lockPath().orElseThrow() + "/{lockId}",
                Map.of("accountId", account, "lockId", id)));
        return switch (released) {
            case Outcome.Done<JsonNode> ok -> Outcome.done(new Receipt(id));
            case Outcome.Failed<JsonNode> failed when failed.kind() == FailureKind.NOT_FOUND -> Outcome.done(new Receipt(id));
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    private Outcome<Optional<String>> find(String account, String reason) {
        Outcome<JsonNode> funds = bank.get(T24Client.path("/holdings/accounts/{accountId}/reservedFunds", Map.of("accountId", account)),
                Operation.STATUS);
        return switch (funds) {
            case Outcome.Done<JsonNode> done -> Outcome.done(StreamSupport.stream(done.value().path("body").spliterator(), false)
                    .filter(lock -> reason.equals(lock.path("lockReason").asText()))
                    .map(lock -> lock.path("transactionReference").asText())
                    .findFirst());
            case Outcome.Failed<JsonNode> failed when failed.kind() == FailureKind.NOT_FOUND -> Outcome.done(Optional.empty());
            case Outcome.Failed<JsonNode> failed -> Outcome.failed(failed.kind(), "t24: cannot tell whether funds were locked before: "
                    + failed.message());
            case Outcome.Pending<JsonNode> pending -> Outcome.pending(pending.cbsReference(), pending.checkAfter());
        };
    }

    private String disbursement(CreditRequest request) {
        return settings.disbursement(request.amount().currency());
    }
}
