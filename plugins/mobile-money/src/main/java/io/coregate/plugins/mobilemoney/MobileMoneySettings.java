package io.coregate.plugins.mobilemoney;

import io.coregate.plugin.api.TransactionType;
import io.coregate.plugin.support.http.HttpUrls;
import io.coregate.plugin.api.AccountMapping;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs from the tenant document, read and checked in one place (the README's "Settings").
 * Immutable and thread-safe.
 *
 * @param baseUrl         the provider's API root including its base path, no trailing slash ({@code baseUrl})
 * @param accounts        the operator's disbursement and collection wallets (per currency)
 * @param walletKey       how the operator's wallets are named as a debit or credit party ({@code walletIdentifierType},
 *                        default {@code accountid})
 * @param identifierTypes FSPIOP party id type → GSMA identifier type ({@code identifierTypes})
 * @param paymentType     the GSMA transaction type of a PAYMENT debit ({@code paymentType}, default {@code merchantpay})
 * @param transferType    the GSMA transaction type of any other debit ({@code transferType}, default {@code transfer})
 * @param balance         whether the provider offers {@code /accounts/{type}/{id}/balance} ({@code balance})
 * @param checkAfter      when a 202 is first worth polling ({@code checkAfterMillis})
 * @param pollLimit       the most request-state polls per request, unless the provider names fewer ({@code pollLimit})
 * @param auth            how requests authenticate ({@code auth.type}: {@code apiKey}, {@code bearer}, {@code oauth2})
 * @param authValues      the other text members of {@code auth} ({@code tokenUrl}, {@code clientId}, {@code scope})
 * @param errors          GSMA error codes as failure kinds, the tenant's {@code errorCodes} on top
 * @param httpTimeouts    the deadline of each HTTP call, per kind of operation
 */
record MobileMoneySettings(URI baseUrl, AccountMapping accounts, String walletKey, Map<String, String> identifierTypes,
                           String paymentType, String transferType, boolean balance, Duration checkAfter, int pollLimit,
                           Auth auth, Map<String, String> authValues, ErrorTable errors, Map<Operation, Duration> httpTimeouts) {

    /** The tenant secret sent as {@code X-API-Key}. */
    static final String API_KEY = "apiKey";
    /** The tenant secret sent as {@code X-User-Bearer}. */
    static final String USER_BEARER = "userBearer";
    /** The tenant secret of the OAuth2 client. */
    static final String CLIENT_SECRET = "clientSecret";

    /** The GSMA transaction types a debit may be booked as. */
    static final Set<String> DEBIT_TYPES = Set.of("merchantpay", "transfer", "billpay", "adjustment");

    /** FSPIOP id types and the GSMA identifier types they become unless the tenant maps them otherwise. */
    static final Map<String, String> DEFAULT_IDENTIFIER_TYPES = Map.of("MSISDN", "msisdn", "ACCOUNT_ID", "accountid");

    /** What the GSMA error codes mean; any other code is {@link FailureKind#REJECTED} (the README's error table). */
    static final ErrorTable DEFAULT_ERRORS = ErrorTable.of(Map.ofEntries(
            Map.entry("identifierError", FailureKind.NOT_FOUND),
            Map.entry("insufficientFunds", FailureKind.INSUFFICIENT_FUNDS),
            Map.entry("incorrectState", FailureKind.BLOCKED),
            Map.entry("dailyVolumeLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("dailyValueLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("weeklyVolumeLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("weeklyValueLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("monthlyVolumeLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("monthlyValueLimitExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("accountMaxTotalVolumeExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("accountMaxTotalValueExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("greaterThanTransactionMaxValue", FailureKind.LIMIT_EXCEEDED),
            Map.entry("maxBalanceExceeded", FailureKind.LIMIT_EXCEEDED),
            Map.entry("currencyNotSupported", FailureKind.UNSUPPORTED_CURRENCY),
            Map.entry("requestDeclined", FailureKind.REJECTED)), FailureKind.REJECTED);

    /** How requests authenticate. */
    enum Auth {
        /** {@code X-API-Key} from the secret apiKey (and {@code X-User-Bearer} when userBearer is declared). */
        API_KEY_ONLY("apiKey", Set.of(MobileMoneySettings.API_KEY)),
        /** {@code X-API-Key} and {@code X-User-Bearer} from the secrets apiKey and userBearer. */
        BEARER("bearer", Set.of(MobileMoneySettings.API_KEY, MobileMoneySettings.USER_BEARER)),
        /** OAuth2 client credentials ({@code auth.tokenUrl}, {@code auth.clientId}, the secret clientSecret). */
        OAUTH2("oauth2", Set.of(MobileMoneySettings.CLIENT_SECRET));

        private final String name;
        private final Set<String> secrets;

        Auth(String name, Set<String> secrets) {
            this.name = name;
            this.secrets = secrets;
        }

        Set<String> secretNames() {
            return secrets;
        }

        static Optional<Auth> named(String name) {
            return Arrays.stream(values()).filter(a -> a.name.equals(name)).findFirst();
        }
    }

    /**
     * The settings of this tenant.
     *
     * @throws CbsException {@link FailureKind#REJECTED} listing every problem, each with its field
     */
    static MobileMoneySettings of(AdapterContext context) {
        List<SettingProblem> problems = problems(context);
        if (!problems.isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, problems.stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        Settings settings = context.settings();
        var timeouts = new EnumMap<Operation, Duration>(Operation.class);
        Arrays.stream(Operation.values()).forEach(kind -> timeouts.put(kind, context.httpTimeout(kind)));
        var types = new LinkedHashMap<>(DEFAULT_IDENTIFIER_TYPES);
        settings.object("identifierTypes").values().forEach((k, v) -> types.put(k, v.toString().strip()));
        return new MobileMoneySettings(HttpUrls.parse(settings.string("baseUrl")).orElseThrow(), context.accounts(),
                settings.string("walletIdentifierType").orElse("accountid"), Map.copyOf(types),
                settings.string("paymentType").orElse("merchantpay"), settings.string("transferType").orElse("transfer"),
                settings.flag("balance", false), Duration.ofMillis(settings.number("checkAfterMillis", 1000)),
                (int) settings.number("pollLimit", 20), auth(settings), authValues(settings), errors(settings), Map.copyOf(timeouts));
    }

    /** Every problem of this tenant's settings, accounts and secret names (never a secret's value); empty when they work. */
    static List<SettingProblem> problems(AdapterContext context) {
        Settings settings = context.settings();
        var problems = new ArrayList<SettingProblem>();
        if (settings.string("baseUrl").isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "is required: the provider's Mobile Money API root with its base path, "
                    + "e.g. https://mm.operator.test/mm/v1.2"));
        } else if (HttpUrls.parse(settings.string("baseUrl")).isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "must be an absolute http or https URL"));
        }
        for (String currency : context.currencies()) {
            AccountMapping accounts = context.accounts().forCurrency(currency);
            if (accounts.disbursement().isEmpty()) {
                problems.add(new SettingProblem("accounts.disbursement", "is required for " + currency
                        + ": the operator's disbursement wallet credits are paid from"));
            }
            if (accounts.collection().isEmpty()) {
                problems.add(new SettingProblem("accounts.collection", "is required for " + currency
                        + ": the operator's collection wallet debits are paid into"));
            }
        }
        for (String key : List.of("paymentType", "transferType")) {
            settings.string(key).filter(type -> !DEBIT_TYPES.contains(type)).ifPresent(type -> problems.add(SettingProblem.setting(key,
                    "must be one of " + DEBIT_TYPES.stream().sorted().toList() + ", was '" + type + "'")));
        }
        settings.object("identifierTypes").values().forEach((type, gsma) -> {
            if (!io.coregate.plugin.api.PartyId.ID_TYPES.contains(type) || gsma instanceof Map || gsma instanceof List
                    || gsma.toString().isBlank()) {
                problems.add(SettingProblem.setting("identifierTypes." + type, "maps an FSPIOP id type (MSISDN, ACCOUNT_ID, ...) to a GSMA "
                        + "identifier type (msisdn, accountid, walletid, ...)"));
            }
        });
        String type = settings.object("auth").string("type").orElse("apiKey");
        Optional<Auth> auth = Auth.named(type);
        if (auth.isEmpty()) {
            problems.add(SettingProblem.setting("auth.type", "must be apiKey, bearer or oauth2, was '" + type + "'"));
        } else {
            if (auth.get() == Auth.OAUTH2) {
                if (HttpUrls.parse(settings.object("auth").string("tokenUrl")).isEmpty()) {
                    problems.add(SettingProblem.setting("auth.tokenUrl", "is required for oauth2: the absolute http(s) URL of the token "
                            + "endpoint"));
                }
                if (settings.object("auth").string("clientId").filter(id -> !id.isBlank()).isEmpty()) {
                    problems.add(SettingProblem.setting("auth.clientId", "is required for oauth2"));
                }
            }
            for (String secret : auth.get().secretNames()) {
                if (!declared(context, secret)) {
                    problems.add(SettingProblem.secret(secret, "is required for auth.type " + type));
                }
            }
        }
        check(problems, "httpTimeoutMillis", () -> settings.number("httpTimeoutMillis", 1));
        check(problems, "checkAfterMillis", () -> positive(settings, "checkAfterMillis"));
        check(problems, "pollLimit", () -> positive(settings, "pollLimit"));
        check(problems, "errorCodes", () -> errors(settings));
        return List.copyOf(problems);
    }

    /** The wallet credits in this currency are paid from; {@code UNSUPPORTED_CURRENCY} when the tenant maps none. */
    String disbursement(String currency) {
        return accounts.forCurrency(currency).disbursement().orElseThrow(() -> new CbsException(FailureKind.UNSUPPORTED_CURRENCY,
                "accounts.disbursement names no wallet for " + currency));
    }

    /** The wallet debits in this currency are paid into; {@code UNSUPPORTED_CURRENCY} when the tenant maps none. */
    String collection(String currency) {
        return accounts.forCurrency(currency).collection().orElseThrow(() -> new CbsException(FailureKind.UNSUPPORTED_CURRENCY,
                "accounts.collection names no wallet for " + currency));
    }

    /** The GSMA transaction type a debit of this Mojaloop scenario is booked as. */
    String debitType(TransactionType type) {
        return type == TransactionType.PAYMENT ? paymentType : transferType;
    }

    /** Whether the account is one of the operator's own wallets (named by {@link #walletKey}, not by a customer identifier). */
    boolean isOperatorWallet(String accountNo) {
        return accounts.disbursement().filter(accountNo::equals).isPresent() || accounts.collection().filter(accountNo::equals).isPresent()
                || accounts.currencies().values().stream().anyMatch(a -> a.disbursement().filter(accountNo::equals).isPresent()
                        || a.collection().filter(accountNo::equals).isPresent());
    }

    /** A text member of {@code cbs.settings.auth}. */
    Optional<String> authSetting(String key) {
        return Optional.ofNullable(authValues.get(key));
    }

    /** The HTTP deadline of one kind of call. */
    Duration httpTimeout(Operation kind) {
        return httpTimeouts.get(kind);
    }

    private static Auth auth(Settings settings) {
        return Auth.named(settings.object("auth").string("type").orElse("apiKey")).orElseThrow();
    }

    private static Map<String, String> authValues(Settings settings) {
        var values = new LinkedHashMap<String, String>();
        settings.object("auth").values().forEach((k, v) -> {
            if (!(v instanceof Map) && !(v instanceof List)) {
                values.put(k, v.toString().strip());
            }
        });
        return Map.copyOf(values);
    }

    /** Whether the tenant declares the secret: by its names when the host lists them, else by resolving it (tests' lambdas). */
    private static boolean declared(AdapterContext context, String secret) {
        Set<String> names = context.secrets().names();
        return names.isEmpty() ? context.secrets().get(secret).isPresent() : names.contains(secret);
    }

    private static void positive(Settings settings, String key) {
        if (settings.number(key, 1) < 1) {
            throw new CbsException(FailureKind.REJECTED, "cbs.settings." + key + " must be at least 1");
        }
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
