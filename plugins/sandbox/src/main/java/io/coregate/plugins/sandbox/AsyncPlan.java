package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cbs.settings.async}: which money operations the sandbox answers {@code pending}, and how each settles.
 *
 * <pre>{@code
 * "async": {"operations": ["debit", "commitCredit"], "accounts": ["SB-0001"], "settleAfterMillis": 300,
 *           "outcome": "COMPLETED", "via": "callback", "callback": "once"}
 * }</pre>
 *
 * @param operations  the money operations answered pending (required, at least one of {@link #MONEY_OPERATIONS})
 * @param accounts    when not empty, only calls for these customer accounts
 * @param settleAfter how long after the call the bank books ({@code settleAfterMillis}, default 300)
 * @param completes   {@code outcome}: COMPLETED (the booking is made, or refused as it would have been) or FAILED
 *                    (the CBS refuses it: nothing is booked)
 * @param via         how the gateway learns the outcome
 * @param callback    how the callback is delivered when {@code via} is {@code callback}
 */
record AsyncPlan(Set<String> operations, Set<String> accounts, Duration settleAfter, boolean completes, Via via,
                 Delivery callback) {

    /** The operations that move money and may be asynchronous. */
    static final Set<String> MONEY_OPERATIONS = Set.of("reserveCredit", "commitCredit", "releaseCredit", "debit", "refund",
            "holdDebit", "captureDebit", "releaseDebit");

    /** How the gateway learns the outcome. */
    enum Via {
        /** The bank POSTs it to the tenant's callback URL; {@code status} reports it too. */
        CALLBACK,
        /** Only {@code status} reports it. */
        POLLING,
        /** The transaction never settles: {@code status} answers PENDING forever and nothing is booked. */
        NEVER
    }

    /** How a callback is delivered. */
    enum Delivery {
        /** Once, when the transaction settles. */
        ONCE,
        /** Twice, when it settles. */
        TWICE,
        /** The bank books at once and calls back before it answers pending. */
        BEFORE,
        /** Never sent (lost on the way); {@code status} still reports the outcome. */
        LOST
    }

    /** The plan in {@code settings}, if {@code async} is set; a {@link CbsException} naming the first invalid key. */
    static Optional<AsyncPlan> parse(Settings settings) {
        var problems = new ArrayList<SettingProblem>();
        Optional<AsyncPlan> plan = read(settings, problems);
        if (!problems.isEmpty()) {
            throw AccountSpec.invalid(problems.getFirst().field() + " " + problems.getFirst().message());
        }
        return plan;
    }

    /** Every problem of {@code async}, each with its key ({@code async.via}). */
    static List<SettingProblem> problems(Settings settings) {
        var problems = new ArrayList<SettingProblem>();
        read(settings, problems);
        return problems;
    }

    /** Whether a call of {@code operation} about {@code target} is answered pending. */
    boolean selects(String operation, Target target) {
        return operations.contains(operation)
                && (accounts.isEmpty() || target.accountNo().filter(accounts::contains).isPresent());
    }

    private static Optional<AsyncPlan> read(Settings settings, List<SettingProblem> problems) {
        Object raw = settings.values().get("async");
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof java.util.Map<?, ?>)) {
            problems.add(SettingProblem.setting("async", "must be an object"));
            return Optional.empty();
        }
        Settings async = settings.object("async");
        Set<String> operations = texts(async, "operations", problems);
        if (operations.isEmpty() && problems.isEmpty()) {
            problems.add(SettingProblem.setting("async.operations", "must name at least one of " + MONEY_OPERATIONS));
        }
        operations.stream().filter(op -> !MONEY_OPERATIONS.contains(op)).findFirst().ifPresent(op ->
                problems.add(SettingProblem.setting("async.operations", "names " + op + "; each must be one of " + MONEY_OPERATIONS)));
        Set<String> accounts = texts(async, "accounts", problems);
        long millis = 300;
        try {
            millis = async.number("settleAfterMillis", 300);
            if (millis < 0) {
                problems.add(SettingProblem.setting("async.settleAfterMillis", "must not be negative"));
            }
        } catch (CbsException e) {
            problems.add(SettingProblem.setting("async.settleAfterMillis", "must be a whole number"));
        }
        String outcome = async.string("outcome").orElse("COMPLETED");
        if (!outcome.equals("COMPLETED") && !outcome.equals("FAILED")) {
            problems.add(SettingProblem.setting("async.outcome", "must be COMPLETED or FAILED"));
        }
        Via via = choice(Via.class, async, "via", Via.CALLBACK, problems);
        Delivery delivery = choice(Delivery.class, async, "callback", Delivery.ONCE, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AsyncPlan(operations, accounts, Duration.ofMillis(millis), outcome.equals("COMPLETED"), via,
                delivery));
    }

    private static Set<String> texts(Settings async, String key, List<SettingProblem> problems) {
        Object value = async.values().get(key);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
            problems.add(SettingProblem.setting("async." + key, "must be an array of texts"));
            return Set.of();
        }
        return Set.copyOf(list.stream().map(String.class::cast).toList());
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Settings async, String key, E fallback,
                                                List<SettingProblem> problems) {
        Optional<String> text = async.string(key);
        if (text.isEmpty()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text.get())) {
                return value;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        problems.add(SettingProblem.setting("async." + key, "must be one of " + names));
        return fallback;
    }
}
