package io.coregate.gateway.domain.transfer;

import io.coregate.gateway.domain.cbs.CallbackInbox;
import io.coregate.gateway.domain.cbs.CoreBanking;
import io.coregate.gateway.domain.cbs.SettledCallback;
import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Leg;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransactionStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs money legs so that none is lost, doubled or given back blind: the leg is written (key, attempt) before the
 * adapter is called and its answer after; a leg whose earlier call left no answer (the gateway stopped, the call timed
 * out, the CBS answered 202) is resolved by the CBS's status before it is called again; a timeout is never taken for
 * "not booked". Shared by the payee and payer flows and their settling jobs. Thread-safe.
 */
public final class MoneyLegs {

    /** How long after an unanswered call the settling job first asks the CBS. */
    static final Duration FIRST_CHECK = Duration.ofSeconds(1);

    private final CoreBanking banks;
    private final LegLog legs;
    private final CallbackInbox callbacks;
    private final Clock clock;

    public MoneyLegs(CoreBanking banks, LegLog legs, CallbackInbox callbacks, Clock clock) {
        this.banks = banks;
        this.legs = legs;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The leg log this runner writes. */
    public LegLog log() {
        return legs;
    }

    /**
     * Runs one leg.
     *
     * @param ref       the transfer log's key of the transfer
     * @param mojaloop  the Mojaloop transfer id the leg's key is made of
     * @param operation the adapter operation's name (metrics, journal)
     * @param call      the adapter call for a given key (carrying the attempt)
     * @return booked, refused, or open (then the transfer waits for the settling job)
     */
    public LegOutcome run(Tenant tenant, Direction direction, String ref, String mojaloop, Leg leg, String operation,
                          Function<LegKey, Function<io.coregate.plugin.api.CoreBankingAdapter, Outcome<Receipt>>> call) {
        LegKey first = LegKey.first(mojaloop, leg);
        Duration worst = tenant.document().cbs().longestTimeout().plus(FIRST_CHECK);
        LegLog.Intent intent = legs.intend(tenant.id(), direction, ref, leg, first.value(), clock.instant().plus(worst), false);
        LegRecord record = intent.leg();
        if (!intent.call()) {
            if (record.state() == LegState.BOOKED) {
                return new LegOutcome.Booked(record.cbsReference().orElse(""));
            }
            LegOutcome resolved = check(tenant, record);
            if (resolved instanceof LegOutcome.Booked || record.state() == LegState.PENDING) {
                return resolved;
            }
            // Not booked, or not known and not pending at the CBS: call again under the same key (attempt + 1), which
            // every adapter must book at most once.
            intent = legs.intend(tenant.id(), direction, ref, leg, first.value(), clock.instant().plus(worst), true);
            if (!intent.call()) {
                return check(tenant, intent.leg());
            }
            record = intent.leg();
        }
        LegKey key = record.legKey(record.attempts());
        Outcome<Receipt> answer;
        try {
            answer = banks.call(tenant, operation, call.apply(key));
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.SERVER_BUSY) {
                return refuse(record, FailureKind.UNAVAILABLE, operation + " not called: " + e.getMessage());
            }
            return open(record, LegState.UNKNOWN, Optional.empty(), operation + " ended without an answer: " + e.getMessage(), FIRST_CHECK);
        }
        return switch (answer) {
            case Outcome.Done<Receipt> done -> book(record, done.value().cbsReference());
            case Outcome.Pending<Receipt> pending -> open(record, LegState.PENDING, Optional.of(pending.cbsReference()),
                operation + " accepted by the CBS, not finished yet (" + pending.cbsReference() + ")", pending.checkAfter());
            case Outcome.Failed<Receipt> failed when failed.kind() == FailureKind.TIMEOUT || failed.kind() == FailureKind.UNAVAILABLE ->
                unanswered(tenant, record, operation, failed);
            case Outcome.Failed<Receipt> failed -> refuse(record, failed.kind(), failed.message());
        };
    }

    /**
     * Asks about an open leg (never calls the leg itself): a stored callback naming its pending reference or its key
     * first, else the CBS's status. COMPLETED books it, FAILED refuses it, a leg the CBS
     * does not know is refused only when it was never answered PENDING (the CBS never received it); anything else
     * stays open.
     */
    public LegOutcome check(Tenant tenant, LegRecord leg) {
        if (!leg.state().isOpen()) {
            return leg.state() == LegState.BOOKED ? new LegOutcome.Booked(leg.cbsReference().orElse(""))
                : new LegOutcome.Refused(FailureKind.REJECTED, leg.lastError().orElse("not booked"));
        }
        Optional<SettledCallback> called = leg.cbsReference().flatMap(reference -> callbacks.settled(leg.tenant(), reference))
            .or(() -> callbacks.settled(leg.tenant(), leg.key()));
        if (called.isPresent()) {
            return known(leg, called.get().status());
        }
        Outcome<TransactionStatus> status;
        try {
            status = banks.call(tenant, "status", adapter -> adapter.status(leg.legKey(Math.max(1, leg.attempts())), leg.cbsReference()));
        } catch (GatewayException e) {
            return new LegOutcome.Open(leg.state(), "status read failed: " + e.getMessage());
        }
        if (!(status instanceof Outcome.Done<TransactionStatus> done)) {
            return new LegOutcome.Open(leg.state(), "status read answered " + describe(status));
        }
        return known(leg, done.value());
    }

    private LegOutcome known(LegRecord leg, TransactionStatus known) {
        return switch (known.state()) {
            case COMPLETED -> book(leg, known.cbsReference().or(leg::cbsReference).orElse(""));
            case FAILED -> refuse(leg, FailureKind.REJECTED, "the CBS failed " + leg.leg() + " " + leg.key());
            case NOT_FOUND -> leg.state() == LegState.PENDING ? new LegOutcome.Open(leg.state(), "the CBS does not know it yet")
                : new LegOutcome.Refused(FailureKind.NOT_FOUND, "the CBS has no booking for " + leg.key());
            case PENDING -> new LegOutcome.Open(leg.state(), "the CBS has not finished it");
        };
    }

    /**
     * Gives up on an open leg the CBS still does not know at the settling deadline: FAILED (the CBS never booked it).
     *
     * @return true when recorded
     */
    public boolean abandon(LegRecord leg, String reason) {
        return legs.record(leg.tenant(), leg.direction(), leg.transferId(), leg.leg(), leg.state(), LegState.FAILED, leg.cbsReference(),
            Optional.of(reason), Optional.empty());
    }

    /** Moves an open leg's next check later (the settling job's backoff); empty: only an operator looks at it again. */
    public void later(LegRecord leg, String reason, Optional<Instant> next) {
        legs.record(leg.tenant(), leg.direction(), leg.transferId(), leg.leg(), leg.state(), leg.state(), leg.cbsReference(),
            Optional.of(reason), next);
    }

    private LegOutcome unanswered(Tenant tenant, LegRecord record, String operation, Outcome.Failed<Receipt> failed) {
        String why = operation + " " + failed.kind() + ": " + failed.message();
        // The CBS may still be booking a request whose answer timed out: look again once a whole call could have ended.
        Duration settle = tenant.document().cbs().longestTimeout().plus(FIRST_CHECK);
        legs.record(record.tenant(), record.direction(), record.transferId(), record.leg(), record.state(), LegState.UNKNOWN,
            record.cbsReference(), Optional.of(why), Optional.of(clock.instant().plus(settle)));
        LegRecord unknown = legs.find(record.tenant(), record.direction(), record.transferId(), record.leg()).orElseThrow();
        LegOutcome checked = check(tenant, unknown);
        if (checked instanceof LegOutcome.Refused refused && refused.kind() == FailureKind.NOT_FOUND) {
            if (failed.kind() == FailureKind.UNAVAILABLE) {
                // The CBS answered that it could not take the request, and has no booking of it: it never booked.
                return refuse(unknown, FailureKind.UNAVAILABLE, failed.message());
            }
            return new LegOutcome.Open(LegState.UNKNOWN, why + "; the CBS has no booking of it yet");
        }
        return checked instanceof LegOutcome.Open ? new LegOutcome.Open(LegState.UNKNOWN, why) : checked;
    }

    private LegOutcome book(LegRecord leg, String cbsReference) {
        legs.record(leg.tenant(), leg.direction(), leg.transferId(), leg.leg(), leg.state(), LegState.BOOKED, Optional.of(cbsReference),
            Optional.empty(), Optional.empty());
        return new LegOutcome.Booked(cbsReference);
    }

    private LegOutcome refuse(LegRecord leg, FailureKind kind, String message) {
        legs.record(leg.tenant(), leg.direction(), leg.transferId(), leg.leg(), leg.state(), LegState.FAILED, leg.cbsReference(),
            Optional.of(kind + ": " + message), Optional.empty());
        return new LegOutcome.Refused(kind, message);
    }

    private LegOutcome open(LegRecord leg, LegState state, Optional<String> cbsReference, String reason, Duration checkAfter) {
        Duration wait = checkAfter.isNegative() || checkAfter.isZero() ? FIRST_CHECK : checkAfter;
        legs.record(leg.tenant(), leg.direction(), leg.transferId(), leg.leg(), leg.state(), state, cbsReference.or(leg::cbsReference),
            Optional.of(reason), Optional.of(clock.instant().plus(wait)));
        return new LegOutcome.Open(state, reason);
    }

    private static String describe(Outcome<TransactionStatus> status) {
        return switch (status) {
            case Outcome.Failed<TransactionStatus> failed -> failed.kind() + ": " + failed.message();
            case Outcome.Pending<TransactionStatus> pending -> "pending (" + pending.cbsReference() + ")";
            case Outcome.Done<TransactionStatus> done -> done.value().state().name();
        };
    }
}
