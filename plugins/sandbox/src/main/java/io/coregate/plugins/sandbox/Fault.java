package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Settings;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One entry of {@code cbs.settings.faults}: make {@code operation} fail with {@code kind}, hang, throw, or book and
 * lose the answer ({@link #LOST_RESPONSE}), for the
 * next {@code times} matching calls (forever when absent), optionally only for one {@code idValue} or
 * {@code accountNo}.
 *
 * <p>Thread-safe: the remaining count is decremented atomically.
 */
final class Fault {

    /** The adapter operations a fault can name. */
    static final Set<String> OPERATIONS = Set.of("lookupParty", "balance", "quote", "reserveCredit", "commitCredit",
            "releaseCredit", "debit", "refund", "holdDebit", "captureDebit", "releaseDebit", "status", "health");

    /** A kind that sleeps far beyond any timeout, until interrupted. */
    static final String HANG = "HANG";

    /** A kind that throws an {@link IllegalStateException}, like a buggy plugin. */
    static final String EXCEPTION = "EXCEPTION";

    /**
     * A kind for money operations: the bank books, then the answer is lost on the way back (the call fails with
     * TIMEOUT); {@code status} finds the booking by transfer id.
     */
    static final String LOST_RESPONSE = "LOST_RESPONSE";

    private final String operation;
    private final String kind;
    private final Optional<String> idValue;
    private final Optional<String> accountNo;
    private final boolean limited;
    private final AtomicLong remaining;

    private Fault(String operation, String kind, Optional<String> idValue, Optional<String> accountNo, Optional<Long> times) {
        this.operation = operation;
        this.kind = kind;
        this.idValue = idValue;
        this.accountNo = accountNo;
        this.limited = times.isPresent();
        this.remaining = new AtomicLong(times.orElse(0L));
    }

    /** Reads {@code cbs.settings.faults[index]}; a {@link CbsException} (REJECTED) naming the key when invalid. */
    static Fault parse(Settings s, int index) {
        String key = "cbs.settings.faults[" + index + "].";
        String operation = s.string("operation").filter(OPERATIONS::contains)
                .orElseThrow(() -> AccountSpec.invalid(key + "operation must be one of " + OPERATIONS));
        String kind = s.string("kind").filter(Fault::isKnownKind)
                .orElseThrow(() -> AccountSpec.invalid(key + "kind must be HANG, EXCEPTION, LOST_RESPONSE or one of "
                        + Arrays.toString(FailureKind.values())));
        if (LOST_RESPONSE.equals(kind) && !AsyncPlan.MONEY_OPERATIONS.contains(operation)) {
            throw AccountSpec.invalid(key + "kind LOST_RESPONSE needs a money operation, one of " + AsyncPlan.MONEY_OPERATIONS);
        }
        Optional<Long> times = s.values().containsKey("times") ? Optional.of(s.number("times", 0)) : Optional.empty();
        return new Fault(operation, kind, s.string("idValue"), s.string("accountNo"), times);
    }

    /** The kind: a {@link FailureKind} name, {@link #HANG} or {@link #EXCEPTION}. */
    String kind() {
        return kind;
    }

    /** Whether this fault strikes after the booking ({@link #LOST_RESPONSE}) rather than before the call. */
    boolean afterBooking() {
        return LOST_RESPONSE.equals(kind);
    }

    /** Whether this fault fires for the call, counting it down when it does. */
    boolean fires(String calledOperation, Target target) {
        if (!operation.equals(calledOperation) || !filterMatches(idValue, target.idValue())
                || !filterMatches(accountNo, target.accountNo())) {
            return false;
        }
        return !limited || remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }

    private static boolean filterMatches(Optional<String> filter, Optional<String> actual) {
        return filter.isEmpty() || filter.equals(actual);
    }

    private static boolean isKnownKind(String kind) {
        return HANG.equals(kind) || EXCEPTION.equals(kind) || LOST_RESPONSE.equals(kind)
                || Arrays.stream(FailureKind.values()).anyMatch(k -> k.name().equals(kind));
    }
}
