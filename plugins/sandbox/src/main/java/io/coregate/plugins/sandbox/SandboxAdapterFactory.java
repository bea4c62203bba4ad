package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.CoreBankingAdapter;
import io.coregate.plugin.api.CoreBankingAdapterFactory;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * The sandbox CBS: an honest in-memory bank per tenant for demos and tests. Balances, holds and bookings live in
 * this factory, one bank per tenant id, so they survive when the gateway re-creates a tenant's adapter after its
 * document changed: newly listed accounts are opened, known accounts keep balance and currency and take the new
 * names and status. Latency and faults are read afresh on every {@link #create}.
 *
 * <p>{@code cbs.settings}:
 * <pre>{@code
 * {
 *   "accounts": [{"idType": "MSISDN", "idValue": "260971000001", "accountNo": "SB-0001",
 *                 "firstName": "Alice", "lastName": "Banda", "currency": "ZMW", "balance": "5000.00",
 *                 "status": "ACTIVE"}],
 *   "quoteFee": "1.50",
 *   "houseCreditLine": "1000000000",
 *   "latencyMillis": 0,
 *   "degraded": "simulated backlog",
 *   "faults": [{"operation": "commitCredit", "kind": "UNAVAILABLE", "times": 2}],
 *   "async": {"operations": ["debit"], "settleAfterMillis": 300, "outcome": "COMPLETED", "via": "callback",
 *             "callback": "once"}
 * }
 * }</pre>
 * <ul>
 *   <li>{@code accounts}: {@code accountNo} and {@code currency} are required; {@code balance} (a non-negative
 *       decimal, default 0), {@code status} ({@code ACTIVE}, {@code BLOCKED}, {@code DORMANT}, {@code CLOSED};
 *       default ACTIVE), {@code idType}/{@code idValue} (and an optional {@code idSubValue}, matched exactly),
 *       {@code firstName}, {@code middleName}, {@code lastName},
 *       {@code displayName}, {@code dateOfBirth} ({@code yyyy-MM-dd}) and {@code merchantClassificationCode} are
 *       optional. Every account is also found as {@code ACCOUNT_ID} with its account number.</li>
 *   <li>{@code quoteFee}: the payee fee {@code quote} answers, in the quote's currency (default zero).</li>
 *   <li>{@code latencyMillis}: an interruptible sleep before every operation (a non-negative whole number).</li>
 *   <li>{@code degraded}: when set, {@code health} answers DEGRADED with this text (the bank still books).</li>
 *   <li>{@code faults}: {@code operation} is an adapter method name ({@code lookupParty}, {@code balance},
 *       {@code quote}, {@code reserveCredit}, {@code commitCredit}, {@code releaseCredit}, {@code debit},
 *       {@code refund}, {@code holdDebit}, {@code captureDebit}, {@code releaseDebit}, {@code status},
 *       {@code health}); {@code kind} is a {@code FailureKind} name, {@code HANG} (sleep until interrupted, then
 *       TIMEOUT) or {@code EXCEPTION} (throw {@link IllegalStateException}); {@code times} limits how many calls
 *       fail (default: all); {@code idValue} / {@code accountNo} restrict it to one customer; {@code LOST_RESPONSE}
 *       (money operations only) books, then fails the call with TIMEOUT, so {@code status} finds the booking.</li>
 *   <li>{@code async} ({@link AsyncPlan}): the money operations ({@code operations}, optionally only for the customer
 *       accounts in {@code accounts}) answered {@code pending}; the bank books (or, with {@code outcome} FAILED,
 *       refuses) after {@code settleAfterMillis} (default 300) and tells the gateway {@code via} {@code callback}
 *       (POST to {@code AdapterContext.callbackUrl() + "/sandbox"}, read back by the adapter's
 *       {@code CallbackHandler}), {@code polling} ({@code status} only) or {@code never} (stays pending, books
 *       nothing); {@code callback} is {@code once}, {@code twice}, {@code before} (books at once and calls back before
 *       answering pending) or {@code lost} (never sent).</li>
 * </ul>
 * The tenant's disbursement and collection accounts ({@code DISBURSEMENT} and {@code COLLECTION} when not
 * mapped) are the bank's own house accounts unless listed in {@code accounts}: they have a credit line,
 * {@code houseCreditLine} (a non-negative decimal per currency, default {@value #DEFAULT_HOUSE_CREDIT_LINE_TEXT}),
 * so their balances may go down to minus the line, and {@code balance} answers balance less holds plus the line: the
 * gateway's float check before a quote sees exactly what a credit may use.
 * Every booking is a double entry, so the sum of a bank's balances never changes.
 *
 * <p>{@link #validate} reports every invalid entry above with its field (the gateway answers onboarding with 400);
 * other members are ignored, so a document written for another plugin (a {@code baseUrl}) runs on the sandbox.
 *
 * <p>Thread-safety: {@link #create} may be called concurrently; each tenant's bank synchronizes its operations.
 * The gateway must keep one instance of this factory per loaded plugin for the banks to survive re-creation.
 */
@Extension
public final class SandboxAdapterFactory implements CoreBankingAdapterFactory {

    /** The disbursement account when the tenant maps none. */
    public static final String DEFAULT_DISBURSEMENT = "DISBURSEMENT";

    /** The collection account when the tenant maps none. */
    public static final String DEFAULT_COLLECTION = "COLLECTION";

    /** The credit line of the bank's own accounts when the settings give none. */
    public static final String DEFAULT_HOUSE_CREDIT_LINE_TEXT = "1000000000";

    static final BigDecimal DEFAULT_HOUSE_CREDIT_LINE = new BigDecimal(DEFAULT_HOUSE_CREDIT_LINE_TEXT);

    private final ConcurrentMap<String, Bank> banks = new ConcurrentHashMap<>();

    @Override
    public List<SettingProblem> validate(AdapterContext context) {
        Settings settings = context.settings();
        var problems = new ArrayList<SettingProblem>();
        List<Settings> listed = settings.objects("accounts");
        if (settings.values().containsKey("accounts") && !(settings.values().get("accounts") instanceof List<?>)) {
            problems.add(SettingProblem.setting("accounts", "must be an array of account objects"));
        }
        for (int i = 0; i < listed.size(); i++) {
            int index = i;
            check(problems, "accounts[" + i + "]", () -> AccountSpec.parse(listed.get(index), index));
        }
        check(problems, "quoteFee", () -> nonNegative(settings, "quoteFee", "0"));
        check(problems, "houseCreditLine", () -> nonNegative(settings, "houseCreditLine", DEFAULT_HOUSE_CREDIT_LINE_TEXT));
        check(problems, "latencyMillis", () -> FaultPlan.parse(new Settings(latencyOnly(settings))));
        List<Settings> faults = settings.objects("faults");
        for (int i = 0; i < faults.size(); i++) {
            int index = i;
            check(problems, "faults[" + i + "]", () -> Fault.parse(faults.get(index), index));
        }
        problems.addAll(AsyncPlan.problems(settings));
        if (settings.values().get("degraded") instanceof java.util.Map<?, ?> || settings.values().get("degraded") instanceof List<?>) {
            problems.add(SettingProblem.setting("degraded", "must be a text"));
        }
        return problems;
    }

    private static java.util.Map<String, Object> latencyOnly(Settings settings) {
        Object latency = settings.values().get("latencyMillis");
        return latency == null ? java.util.Map.of() : java.util.Map.of("latencyMillis", latency);
    }

    private static BigDecimal nonNegative(Settings settings, String key, String fallback) {
        BigDecimal value = AccountSpec.decimal(settings.string(key).orElse(fallback), "cbs.settings." + key);
        if (value.signum() < 0) {
            throw AccountSpec.invalid("cbs.settings." + key + " must not be negative");
        }
        return value;
    }

    private static void check(List<SettingProblem> problems, String key, Runnable parse) {
        try {
            parse.run();
        } catch (CbsException e) {
            problems.add(SettingProblem.setting(key, e.getMessage()));
        }
    }

    @Override
    public CoreBankingAdapter create(AdapterContext context) {
        Settings settings = context.settings();
        List<Settings> listed = settings.objects("accounts");
        List<AccountSpec> accounts = IntStream.range(0, listed.size()).mapToObj(i -> AccountSpec.parse(listed.get(i), i)).toList();
        BigDecimal quoteFee = nonNegative(settings, "quoteFee", "0");
        BigDecimal houseCreditLine = nonNegative(settings, "houseCreditLine", DEFAULT_HOUSE_CREDIT_LINE_TEXT);
        FaultPlan faults = FaultPlan.parse(settings);
        Optional<AsyncPlan> async = AsyncPlan.parse(settings);
        Bank bank = banks.computeIfAbsent(context.tenantId(), Bank::new);
        bank.open(accounts);
        bank.houseCreditLine(houseCreditLine);
        return new SandboxAdapter(bank, context.accounts(), quoteFee, faults, settings.string("degraded"),
                async.map(plan -> new AsyncDesk(bank, plan, context.callbackUrl())), settings.flag("holds", true));
    }
}
