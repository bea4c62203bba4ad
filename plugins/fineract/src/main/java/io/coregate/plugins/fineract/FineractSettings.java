package io.coregate.plugins.fineract;

import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.support.errors.ErrorTable;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs from the tenant document, read and checked in one place (the plugin's README shows a
 * complete tenant document). Immutable and thread-safe.
 *
 * @param baseUrl          Fineract's API root including {@code /api/v1}, without a trailing slash ({@code cbs.settings.baseUrl})
 * @param tenantIdentifier the {@code Fineract-Platform-TenantId} header ({@code cbs.settings.tenantIdentifier})
 * @param username         the Fineract user of basic authentication ({@code cbs.settings.username}); its password is the
 *                         secret {@link #PASSWORD_SECRET}
 * @param savingsProductId the savings product whose account a customer is paid to and from ({@code cbs.settings.savingsProductId})
 * @param locale           sent as {@code locale} with every amount and date ({@code cbs.settings.locale}, default {@code en})
 * @param dateFormat       sent as {@code dateFormat} with every date ({@code cbs.settings.dateFormat}, default {@code yyyy-MM-dd})
 * @param zone             the zone of Fineract's business day ({@code cbs.settings.timeZone}, default {@code UTC})
 * @param accounts         the tenant's disbursement and collection savings account ids ({@code accounts}, per currency)
 * @param errors           Fineract's {@code userMessageGlobalisationCode}s as failure kinds, {@code cbs.settings.errorCodes} on top
 * @param httpTimeout      the deadline of each HTTP call ({@code cbs.settings.httpTimeoutMillis}, else 4/5 of the tenant's timeout)
 * @param debitHolds       whether outbound transfers hold the payer's funds and capture them ({@code cbs.settings.debitHolds},
 *                         default true), or debit at once and refund on failure
 */
record FineractSettings(URI baseUrl, String tenantIdentifier, String username, long savingsProductId, String locale,
                        String dateFormat, ZoneId zone, AccountMapping accounts, ErrorTable errors, Duration httpTimeout,
                        boolean debitHolds) {

    /** The name of the secret holding the Fineract user's password, in {@code cbs.secrets}. */
    static final String PASSWORD_SECRET = "password";

    /** What Fineract's error codes mean; any other code is {@link FailureKind#REJECTED}. */
    static final ErrorTable DEFAULT_ERRORS = ErrorTable.of(Map.of(
            "error.msg.savingsaccount.transaction.insufficient.account.balance", FailureKind.INSUFFICIENT_FUNDS,
            "error.msg.saving.account.id.invalid", FailureKind.NOT_FOUND,
            "error.msg.client.id.invalid", FailureKind.NOT_FOUND,
            "error.msg.savings.account.debit.transaction.not.allowed", FailureKind.BLOCKED,
            "error.msg.savings.account.credit.transaction.not.allowed", FailureKind.BLOCKED,
            "error.msg.savingsaccount.transaction.account.is.not.active", FailureKind.BLOCKED), FailureKind.REJECTED);

    /**
     * The settings of this tenant.
     *
     * @throws CbsException {@link FailureKind#REJECTED} listing every problem, each with its field
     */
    static FineractSettings of(AdapterContext context) {
        List<SettingProblem> problems = problems(context);
        if (!problems.isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        var settings = context.settings();
        return new FineractSettings(baseUrl(context).orElseThrow(), settings.string("tenantIdentifier").orElseThrow().strip(),
                settings.string("username").orElseThrow(), productId(context).orElseThrow(), settings.string("locale").orElse("en"),
                settings.string("dateFormat").orElse("yyyy-MM-dd"), zone(context).orElseThrow(), context.accounts(),
                errors(context), context.httpTimeout(), settings.flag("debitHolds", true));
    }

    /**
     * Every problem of this tenant's settings and the names of its secrets (never a secret's value); empty when they work.
     * Fast and without I/O: what {@code CoreBankingAdapterFactory.validate} answers.
     */
    static List<SettingProblem> problems(AdapterContext context) {
        var problems = new ArrayList<SettingProblem>();
        var settings = context.settings();
        if (settings.string("baseUrl").isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "is required, e.g. https://fineract.example/fineract-provider/api/v1"));
        } else if (baseUrl(context).isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "must be an absolute http or https URL"));
        }
        if (settings.string("tenantIdentifier").filter(t -> !t.isBlank()).isEmpty()) {
            problems.add(SettingProblem.setting("tenantIdentifier", "is required: the Fineract-Platform-TenantId, e.g. default"));
        }
        if (settings.string("username").filter(t -> !t.isBlank()).isEmpty()) {
            problems.add(SettingProblem.setting("username", "is required: the Fineract user CoreGate logs in as"));
        }
        if (productId(context).isEmpty()) {
            problems.add(SettingProblem.setting("savingsProductId", "is required: the id of the customers' savings product"));
        }
        if (settings.string("dateFormat").isPresent() && !validPattern(settings.string("dateFormat").get())) {
            problems.add(SettingProblem.setting("dateFormat", "is not a date pattern, e.g. yyyy-MM-dd"));
        }
        if (zone(context).isEmpty()) {
            problems.add(SettingProblem.setting("timeZone", "is not a time zone, e.g. Africa/Lusaka"));
        }
        if (settings.string("debitHolds").filter(v -> !v.equals("true") && !v.equals("false")).isPresent()) {
            problems.add(SettingProblem.setting("debitHolds", "must be true or false"));
        }
        accountProblems(context, problems);
        check(problems, "httpTimeoutMillis", context::httpTimeout);
        check(problems, "errorCodes", () -> errors(context));
        if (!context.secrets().names().contains(PASSWORD_SECRET)) {
            problems.add(SettingProblem.secret(PASSWORD_SECRET, "is required: the Fineract user's password"));
        }
        return List.copyOf(problems);
    }

    /** The tenant's savings account of a role in a currency, as Fineract's numeric id. */
    long account(boolean disbursement, String currency) {
        AccountMapping mapped = accounts.forCurrency(currency);
        return Long.parseLong((disbursement ? mapped.disbursement() : mapped.collection()).orElseThrow());
    }

    private static void accountProblems(AdapterContext context, List<SettingProblem> problems) {
        AccountMapping accounts = context.accounts();
        if (!numeric(accounts.disbursement())) {
            problems.add(new SettingProblem("accounts.disbursement",
                    "is required: the id of the Fineract savings account inbound credits are paid from"));
        }
        if (!numeric(accounts.collection())) {
            problems.add(new SettingProblem("accounts.collection",
                    "is required: the id of the Fineract savings account outbound debits are paid into"));
        }
        accounts.currencies().forEach((currency, mapped) -> {
            if (mapped.disbursement().isPresent() && !numeric(mapped.disbursement())) {
                problems.add(new SettingProblem("accounts.currencies." + currency + ".disbursement", "must be a savings account id"));
            }
            if (mapped.collection().isPresent() && !numeric(mapped.collection())) {
                problems.add(new SettingProblem("accounts.currencies." + currency + ".collection", "must be a savings account id"));
            }
        });
    }

    private static boolean numeric(Optional<String> id) {
        return id.filter(text -> text.matches("[1-9][0-9]{0,17}")).isPresent();
    }

    private static Optional<URI> baseUrl(AdapterContext context) {
        try {
            return context.settings().string("baseUrl")
                    .map(text -> URI.create(text.strip().replaceAll("/+$", "")))
                    .filter(uri -> uri.isAbsolute() && uri.getHost() != null
                            && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> productId(AdapterContext context) {
        return context.settings().string("savingsProductId").filter(text -> text.strip().matches("[1-9][0-9]{0,17}"))
                .map(text -> Long.parseLong(text.strip()));
    }

    private static Optional<ZoneId> zone(AdapterContext context) {
        try {
            return Optional.of(ZoneId.of(context.settings().string("timeZone").orElse("UTC")));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean validPattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            return !pattern.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ErrorTable errors(AdapterContext context) {
        return DEFAULT_ERRORS.withOverrides(context.settings(), "errorCodes");
    }

    private static void check(List<SettingProblem> problems, String key, Runnable read) {
        try {
            read.run();
        } catch (CbsException e) {
            problems.add(SettingProblem.setting(key, e.getMessage()));
        }
    }
}
