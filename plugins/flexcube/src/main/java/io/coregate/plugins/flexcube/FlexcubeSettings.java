package io.coregate.plugins.flexcube;

import java.util.Optional;
import java.util.LinkedHashMap;
import io.coregate.plugin.support.http.HttpUrls;
import io.coregate.plugin.api.AccountMapping;
import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.SettingProblem;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.support.errors.ErrorTable;
import io.coregate.plugin.support.keys.LegKeys;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs from the tenant document, read and checked in one place (the README's "Settings").
 * Immutable and thread-safe.
 *
 * @param baseUrl        the FCUBS gateway's web root, no trailing slash: services live at {@code <baseUrl>/<Service>/<Service>}
 * @param source         {@code FCUBS_HEADER/SOURCE}: the external system the bank maintained for CoreGate
 * @param ubscomp        {@code FCUBS_HEADER/UBSCOMP} ({@code FCUBS})
 * @param userId         {@code FCUBS_HEADER/USERID}: the FLEXCUBE user the gateway posts as
 * @param branch         {@code FCUBS_HEADER/BRANCH} and the transaction branch
 * @param creditProduct  the retail teller product of credits (disbursement to customer) and compensating refunds
 * @param debitProduct   the retail teller product of debits and captures (customer to collection)
 * @param holdCode       the hold code of amount blocks ({@code HPCODE})
 * @param accounts       the tenant's disbursement and collection accounts (per currency)
 * @param msisdnAccounts MSISDN → FLEXCUBE customer account, maintained by the SI (the alias source)
 * @param references     the leg keys as {@code XREF}s ({@code xrefLength} characters, letters and digits)
 * @param duplicateCodes the ECODEs with which the gateway refuses a repeated XREF
 * @param auth           HTTP Basic in front of the gateway (the secrets {@code username}, {@code password}), or none
 * @param errors         FCUBS ECODEs as failure kinds, the tenant's {@code errorCodes} on top
 * @param httpTimeouts   the deadline of each HTTP call, per kind of operation
 */
record FlexcubeSettings(URI baseUrl, String source, String ubscomp, String userId, String branch, String creditProduct,
                        String debitProduct, String holdCode, AccountMapping accounts, Map<String, String> msisdnAccounts,
                        LegKeys references, Set<String> duplicateCodes, boolean auth, ErrorTable errors,
                        Map<Operation, Duration> httpTimeouts) {

    /** Secret: the HTTP Basic user in front of the FCUBS gateway (with {@code httpBasic: true}). */
    static final String USERNAME = "username";
    /** Secret: its password. */
    static final String PASSWORD = "password";
    /** The gateway's answer to a repeated XREF, unless the tenant names its own. */
    static final String DUPLICATE_XREF = "RT-XREF-01";
    /** A reversal of a transaction already reversed: reversing it again is done. */
    static final String ALREADY_REVERSED = "RT-REV-01";
    /** A block already closed (or expired): closing it again is done. */
    static final String BLOCK_CLOSED = "AC-BLK-02";

    /** What FCUBS ECODEs mean; any other code is {@link FailureKind#REJECTED} (the README's error table). */
    static final ErrorTable DEFAULT_ERRORS = ErrorTable.of(Map.ofEntries(
            Map.entry("ST-VALS-002", FailureKind.NOT_FOUND),
            Map.entry("AC-ACC-01", FailureKind.NOT_FOUND),
            Map.entry("CS-CUS-01", FailureKind.NOT_FOUND),
            Map.entry("RT-TXN-01", FailureKind.NOT_FOUND),
            Map.entry("AC-BLK-01", FailureKind.NOT_FOUND),
            Map.entry("AC-DORM-01", FailureKind.BLOCKED),
            Map.entry("AC-FRZ-01", FailureKind.BLOCKED),
            Map.entry("AC-NODR-01", FailureKind.BLOCKED),
            Map.entry("AC-NOCR-01", FailureKind.BLOCKED),
            Map.entry("AC-OVD-01", FailureKind.INSUFFICIENT_FUNDS),
            Map.entry("RT-LIM-01", FailureKind.LIMIT_EXCEEDED),
            Map.entry("RT-CCY-01", FailureKind.UNSUPPORTED_CURRENCY),
            Map.entry("GW-SYS-01", FailureKind.UNAVAILABLE),
            Map.entry("GW-EOD-01", FailureKind.UNAVAILABLE)), FailureKind.REJECTED);

    /**
     * The settings of this tenant.
     *
     * @throws CbsException {@link FailureKind#REJECTED} listing every problem, each with its field
     */
    static FlexcubeSettings of(AdapterContext context) {
        List<SettingProblem> problems = problems(context);
        if (!problems.isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, problems.stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        Settings s = context.settings();
        var timeouts = new EnumMap<Operation, Duration>(Operation.class);
        Arrays.stream(Operation.values()).forEach(kind -> timeouts.put(kind, context.httpTimeout(kind)));
        Set<String> duplicates = s.string("duplicateXrefCodes").map(FlexcubeSettings::codes).orElse(Set.of(DUPLICATE_XREF));
        return new FlexcubeSettings(HttpUrls.parse(s.string("baseUrl")).orElseThrow(), text(s, "source").orElseThrow(),
                text(s, "ubscomp").orElse("FCUBS"), text(s, "userId").orElseThrow(), text(s, "branch").orElseThrow(),
                text(s, "creditProduct").orElseThrow(), text(s, "debitProduct").orElseThrow(), text(s, "holdCode").orElse("MOJALOOP"),
                context.accounts(), strings(s.object("msisdnAccounts")),
                new LegKeys((int) s.number("xrefLength", 16), LegKeys.Charset.ALPHANUMERIC, LegKeys.LegStyle.CODE),
                duplicates, s.flag("httpBasic", false), DEFAULT_ERRORS.withOverrides(s, "errorCodes"), Map.copyOf(timeouts));
    }

    /** Every problem of this tenant's settings, accounts and secret names (never a secret's value); empty when they work. */
    static List<SettingProblem> problems(AdapterContext context) {
        Settings s = context.settings();
        var problems = new ArrayList<SettingProblem>();
        if (s.string("baseUrl").isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "is required: the FCUBS gateway's web root, e.g. https://fcubs.bank.test:7003 "
                    + "(services at <baseUrl>/FCUBSRTService/FCUBSRTService)"));
        } else if (HttpUrls.parse(s.string("baseUrl")).isEmpty()) {
            problems.add(SettingProblem.setting("baseUrl", "must be an absolute http or https URL"));
        }
        require(problems, s, "source", "the external system (FCUBS_HEADER/SOURCE) the bank maintained for CoreGate");
        require(problems, s, "userId", "the FLEXCUBE user CoreGate posts as (FCUBS_HEADER/USERID)");
        require(problems, s, "branch", "the branch requests are processed in (FCUBS_HEADER/BRANCH)");
        require(problems, s, "creditProduct", "the retail teller product of credits (disbursement account to customer)");
        require(problems, s, "debitProduct", "the retail teller product of debits (customer to collection account)");
        for (String currency : context.currencies()) {
            AccountMapping accounts = context.accounts().forCurrency(currency);
            if (accounts.disbursement().isEmpty()) {
                problems.add(new SettingProblem("accounts.disbursement", "is required for " + currency + ": the account credits are paid from"));
            }
            if (accounts.collection().isEmpty()) {
                problems.add(new SettingProblem("accounts.collection", "is required for " + currency + ": the account debits are paid into"));
            }
        }
        s.object("msisdnAccounts").values().forEach((msisdn, account) -> {
            if (!msisdn.matches("[0-9]{4,20}") || account instanceof Map || account instanceof List || account.toString().isBlank()) {
                problems.add(SettingProblem.setting("msisdnAccounts." + msisdn, "maps an MSISDN (digits) to a FLEXCUBE account number"));
            }
        });
        try {
            long length = s.number("xrefLength", 16);
            if (length < 14 || length > 35) {
                problems.add(SettingProblem.setting("xrefLength", "must be between 14 and 35: the XREF length the bank's FCUBS accepts"));
            }
        } catch (CbsException e) {
            problems.add(SettingProblem.setting("xrefLength", e.getMessage()));
        }
        if (s.flag("httpBasic", false)) {
            for (String secret : List.of(USERNAME, PASSWORD)) {
                if (!declared(context, secret)) {
                    problems.add(SettingProblem.secret(secret, "is required with httpBasic: true"));
                }
            }
        }
        try {
            DEFAULT_ERRORS.withOverrides(s, "errorCodes");
        } catch (CbsException e) {
            problems.add(SettingProblem.setting("errorCodes", e.getMessage()));
        }
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

    private static Set<String> codes(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<String> text(Settings settings, String key) {
        return settings.string(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static void require(List<SettingProblem> problems, Settings settings, String key, String what) {
        if (text(settings, key).isEmpty()) {
            problems.add(SettingProblem.setting(key, "is required: " + what));
        }
    }

    /** Whether the tenant declares the secret: by its names when the host lists them, else by resolving it (tests' lambdas). */
    private static boolean declared(AdapterContext context, String secret) {
        Set<String> names = context.secrets().names();
        return names.isEmpty() ? context.secrets().get(secret).isPresent() : names.contains(secret);
    }

    private static Map<String, String> strings(Settings object) {
        var copy = new LinkedHashMap<String, String>();
        object.values().forEach((k, v) -> copy.put(k, v.toString().strip()));
        return Map.copyOf(copy);
    }
}
