package io.coregate.plugins.t24;

import java.util.LinkedHashMap;
import io.coregate.plugin.support.http.HttpUrls;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AccountStatus;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.support.errors.ErrorTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs from the tenant document, read and checked in one place (the README's "Settings").
 * Immutable and thread-safe.
 *
 * @param baseUrl          the Transact API root including its base path, no trailing slash ({@code baseUrl})
 * @param productId        the payment order product every order is booked under ({@code paymentOrderProductId})
 * @param accounts         the tenant's disbursement and collection accounts (per currency)
 * @param msisdnAccounts   MSISDN → T24 account id, maintained by the SI ({@code msisdnAccounts})
 * @param msisdnSearchPath a customer search answering the customer of an MSISDN, {@code {msisdn}} in it
 *                         ({@code msisdnSearchPath}), where the bank's Transact offers one
 * @param orderSearchPath  the payment order search by ordering reference, {@code {reference}} in it
 * @param lockPath         where locked amounts are created on an account, {@code {accountId}} in it ({@code lockPath}):
 *                         reservations as locks where the bank exposes them, none without
 * @param orderFields      extra payment order fields from {@link #ORDER_FIELDS} ({@code orderFields})
 * @param customerStatuses T24 customer status codes that stop transactions ({@code customerStatuses})
 * @param auth             how to authenticate ({@code auth})
 * @param errors           T24 error codes as failure kinds, the tenant's {@code errorCodes} on top
 * @param httpTimeouts     the deadline of each HTTP call, per kind of operation
 */
record T24Settings(URI baseUrl, String productId, AccountMapping accounts, Map<String, String> msisdnAccounts,
                   Optional<String> msisdnSearchPath, String orderSearchPath, Optional<String> lockPath,
                   Map<String, String> orderFields, Map<String, AccountStatus> customerStatuses, T24Auth auth, ErrorTable errors,
                   Map<Operation, Duration> httpTimeouts) {

    /** The order search of Transact's payment order API, filtered by the reference CoreGate gave. */
    static final String DEFAULT_ORDER_SEARCH = "/order/paymentOrders?orderingReference={reference}";

    /**
     * The payment order fields a tenant may add ("overrides"); every field that moves or names money
     * (accounts, amount, currency, product, references) is set by the adapter alone.
     */
    static final Set<String> ORDER_FIELDS = Set.of("chargeBearer", "purpose", "clearingChannel", "structuredCommunicationCode",
            "structuredIssuer", "termsAndConditions", "orderingPortfolio", "creditPortfolio", "beneficiaryCountryCode");

    /** What T24's error codes mean; any other code is {@link FailureKind#REJECTED} (the README's error table). */
    static final ErrorTable DEFAULT_ERRORS = ErrorTable.of(Map.ofEntries(
            Map.entry("AC-RECORD.NOT.FOUND", FailureKind.NOT_FOUND),
            Map.entry("ST-RECORD.NOT.FOUND", FailureKind.NOT_FOUND),
            Map.entry("PO-RECORD.NOT.FOUND", FailureKind.NOT_FOUND),
            Map.entry("AC-INVALID.ACCOUNT", FailureKind.NOT_FOUND),
            Map.entry("AC-POSTING.RESTRICT", FailureKind.BLOCKED),
            Map.entry("AC-ACCT.INACTIVE", FailureKind.BLOCKED),
            Map.entry("AC-ACCOUNT.CLOSED", FailureKind.BLOCKED),
            Map.entry("ACCT.UNAUTH.OD", FailureKind.INSUFFICIENT_FUNDS),
            Map.entry("AC-INSUFFICIENT.FUNDS", FailureKind.INSUFFICIENT_FUNDS),
            Map.entry("PP-LIMIT.EXCEEDED", FailureKind.LIMIT_EXCEEDED),
            Map.entry("AC-CCY.MISMATCH", FailureKind.UNSUPPORTED_CURRENCY),
            Map.entry("EB-SERVICE.UNAVAILABLE", FailureKind.UNAVAILABLE)), FailureKind.REJECTED);

    /**
     * The settings of this tenant.
     *
     * @throws CbsException {@link FailureKind#REJECTED} listing every problem, each with its field
     */
    static T24Settings of(AdapterContext context) {
        List<SettingProblem> problems = problems(context);
        if (!problems.isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, problems.stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        Settings settings = context.settings();
        var timeouts = new EnumMap<Operation, Duration>(Operation.class);
        Arrays.stream(Operation.values()).forEach(kind -> timeouts.put(kind, context.httpTimeout(kind)));
        return new T24Settings(HttpUrls.parse(settings.string("baseUrl")).orElseThrow(), settings.string("paymentOrderProductId").orElseThrow(),
                context.accounts(), strings(settings.object("msisdnAccounts")), template(settings, "msisdnSearchPath"),
                template(settings, "orderSearchPath").orElse(DEFAULT_ORDER_SEARCH), template(settings, "lockPath"),
                strings(settings.object("orderFields")), statuses(settings), T24Auth.of(settings), errors(settings), Map.copyOf(timeouts));
    }

    /** Every problem of this tenant's settings, accounts and secret names (never a secret's value); empty when they work. */
    static List<SettingProblem> problems(AdapterContext context) {
        Settings settings = context.settings();
        var problems = new ArrayList<SettingProblem>();
        if (settings.string("baseUrl").isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "is required: the Transact API root with its base path, e.g. "
                    + "https://t24.bank.test/api/v1.0.0"));
        } else if (HttpUrls.parse(settings.string("baseUrl")).isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "must be an absolute http or https URL"));
        }
        if (settings.string("paymentOrderProductId").filter(id -> !id.isBlank()).isEmpty()) {
            problems.add(SettingProblem.setting("paymentOrderProductId", "is required: the payment order product the bank set up for "
                    + "CoreGate (an account-to-account transfer product)"));
        }
        for (String currency : context.currencies()) {
            AccountMapping accounts = context.accounts().forCurrency(currency);
            if (accounts.disbursement().isEmpty()) {
                problems.add(new SettingProblem("accounts.disbursement", "is required for " + currency + ": the account credits are paid from"));
            }
            if (accounts.collection().isEmpty()) {
                problems.add(new SettingProblem("accounts.collection", "is required for " + currency + ": the account debits are paid into"));
            }
        }
        checkTemplate(problems, settings, "msisdnSearchPath", "{msisdn}");
        checkTemplate(problems, settings, "orderSearchPath", "{reference}");
        checkTemplate(problems, settings, "lockPath", "{accountId}");
        settings.object("msisdnAccounts").values().forEach((msisdn, account) -> {
            if (!msisdn.matches("[0-9]{4,20}") || account instanceof Map || account instanceof List || account.toString().isBlank()) {
                problems.add(SettingProblem.setting("msisdnAccounts." + msisdn, "maps an MSISDN (digits) to a T24 account id"));
            }
        });
        settings.object("orderFields").values().forEach((field, value) -> {
            if (!ORDER_FIELDS.contains(field)) {
                problems.add(SettingProblem.setting("orderFields." + field, "is not an allowed payment order field; allowed: "
                        + ORDER_FIELDS.stream().sorted().toList()));
            } else if (value instanceof Map || value instanceof List) {
                problems.add(SettingProblem.setting("orderFields." + field, "must be a text value"));
            }
        });
        settings.object("customerStatuses").values().forEach((code, status) -> {
            if (Arrays.stream(AccountStatus.values()).noneMatch(s -> s.name().equals(status.toString()))) {
                problems.add(SettingProblem.setting("customerStatuses." + code, "must be one of " + Arrays.toString(AccountStatus.values())));
            }
        });
        problems.addAll(T24Auth.problems(settings));
        if (T24Auth.problems(settings).isEmpty()) {
            for (String secret : T24Auth.of(settings).secretNames()) {
                if (!declared(context, secret)) {
                    String type = settings.object("auth").string("type").orElse("basic");
                    problems.add(SettingProblem.secret(secret, "is required for auth.type " + type));
                }
            }
        }
        check(problems, "httpTimeoutMillis", () -> settings.number("httpTimeoutMillis", 1));
        check(problems, "errorCodes", () -> errors(settings));
        return List.copyOf(problems);
    }

    /** The account credits in this currency are paid from; {@code UNSUPPORTED_CURRENCY} when the tenant maps none. */
    String disbursement(String currency) {
        return accounts.forCurrency(currency).disbursement().orElseThrow(() -> new CbsException(FailureKind.UNSUPPORTED_CURRENCY,
                "accounts.disbursement names no account for " + currency));
    }

    /** The account debits in this currency are paid into; {@code UNSUPPORTED_CURRENCY} when the tenant maps none. */
    String collection(String currency) {
        return accounts.forCurrency(currency).collection().orElseThrow(() -> new CbsException(FailureKind.UNSUPPORTED_CURRENCY,
                "accounts.collection names no account for " + currency));
    }

    /** The HTTP deadline of one kind of call. */
    Duration httpTimeout(Operation kind) {
        return httpTimeouts.get(kind);
    }

    /** Whether the tenant declares the secret: by its names when the host lists them, else by resolving it (tests' lambdas). */
    private static boolean declared(AdapterContext context, String secret) {
        Set<String> names = context.secrets().names();
        return names.isEmpty() ? context.secrets().get(secret).isPresent() : names.contains(secret);
    }

    private static Optional<String> template(Settings settings, String key) {
        return settings.string(key).map(String::strip).filter(path -> !path.isEmpty());
    }

    private static void checkTemplate(List<SettingProblem> problems, Settings settings, String key, String placeholder) {
        template(settings, key).ifPresent(path -> {
            if (!path.startsWith("/") || !path.contains(placeholder)) {
                problems.add(SettingProblem.setting(key, "must be a path below baseUrl starting with / and containing " + placeholder));
            }
        });
    }

    private static Map<String, String> strings(Settings object) {
        var copy = new LinkedHashMap<String, String>();
        object.values().forEach((k, v) -> copy.put(k, v.toString().strip()));
        return Map.copyOf(copy);
    }

    private static Map<String, AccountStatus> statuses(Settings settings) {
        var copy = new LinkedHashMap<String, AccountStatus>();
        settings.object("customerStatuses").values().forEach((k, v) -> copy.put(k, AccountStatus.valueOf(v.toString())));
        return Map.copyOf(copy);
    }

    private static ErrorTable errors(Settings settings) {
        return DEFAULT_ERRORS.withOverrides(settings, "errorCodes");
    }

    private static void check(List<SettingProblem> problems, String key, Runnable read) {
        try {
            read.run();
        } catch (CbsException e) {
            problems.add(SettingProblem.setting(key, e.getMessage()));
        }
    }
}
