package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.NumberAsText;
import io.coregate.gateway.domain.validation.PlainDecimal;
import io.coregate.gateway.domain.validation.Rules;
import io.coregate.gateway.domain.validation.Validated;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tenant document as the admin API, the bootstrap files and the {@code tenants} table carry it (DESIGN.md "Tenant
 * document"): the wire shape, bound at the edge and checked field by field. Absent members are {@code null} here;
 * {@link TenantDocuments#of} applies the defaults and gives the typed {@link TenantDocument}, whose {@code canonical}
 * is this record again, normalized. Strings are read stripped.
 *
 * @param dfspId           the tenant's Mojaloop participant id
 * @param currencies       ISO 4217 codes
 * @param supportedIdTypes party id types; absent means {@link TenantDocuments#DEFAULT_ID_TYPES}
 * @param cbs              the CBS plugin serving the tenant
 * @param sdk              its Mojaloop Connector
 * @param accounts         its own accounts in the CBS
 * @param fees             its fee policy
 * @param liquidity        per-currency liquidity limit and alarm
 */
public record TenantDocumentBody(String dfspId, List<String> currencies, List<String> supportedIdTypes, Cbs cbs, Sdk sdk,
                                 Accounts accounts, Fees fees, Map<String, Liquidity> liquidity, Access access) implements Validated {

    private static final Pattern FSP_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,32}$");
    private static final Pattern PLUGIN_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern SECRET_REF = Pattern.compile("^(env:[A-Za-z_][A-Za-z0-9_]*|file:/.+)$");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|private[-_]?key).*");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public TenantDocumentBody {
        dfspId = strip(dfspId);
        currencies = strip(currencies);
        supportedIdTypes = strip(supportedIdTypes);
    }

    @Override
    public void check(Check check) {
        if (required(check, "dfspId", dfspId) && !FSP_ID.matcher(dfspId).matches()) {
            check.invalid("dfspId", "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        if (currencies == null) {
            check.invalid("currencies", "is required");
        } else {
            if (currencies.isEmpty()) {
                check.invalid("currencies", "must name at least one currency");
            }
            each(check, currencies, "currencies", (name, code) -> check.currency(name, code));
        }
        if (supportedIdTypes != null) {
            if (supportedIdTypes.isEmpty()) {
                check.invalid("supportedIdTypes", "must name at least one id type");
            }
            each(check, supportedIdTypes, "supportedIdTypes", (name, type) -> check.idType(name, type));
        }
        if (cbs == null) {
            check.invalid("cbs", "is required");
        } else {
            cbs.check(check.at("cbs"));
        }
        check.optionalNested("sdk", sdk);
        check.optionalNested("accounts", accounts);
        if (accounts != null && accounts.byCurrency() != null && currencies != null) {
            accounts.byCurrency().keySet().stream().filter(c -> !currencies.contains(c))
                .forEach(c -> check.invalid("accounts.byCurrency." + c, "currency is not among the tenant's currencies " + currencies));
        }
        check.optionalNested("fees", fees);
        check.optionalNested("access", access);
        if (liquidity != null) {
            liquidity.forEach((currency, entry) -> {
                if (currencies == null || !currencies.contains(currency)) {
                    check.invalid("liquidity." + currency, "currency is not among the tenant's currencies " + currencies);
                } else {
                    entry.check(check.at("liquidity." + currency));
                }
            });
        }
    }

    /**
     * The CBS plugin serving the tenant.
     *
     * @param plugin         plugin id
     * @param pluginVersion  PF4J SemVer expression; absent means the newest loaded
     * @param timeoutMillis  host-enforced time per adapter call, 50 to 120000
     * @param maxConcurrency bulkhead size, 1 to 1024
     * @param settings       the plugin's settings object; no secrets
     * @param secrets        secret name to {@code env:}/{@code file:} reference
     * @param timeouts       per kind of call, overriding {@code timeoutMillis} (absent: none)
     * @param pendingDeadlineSeconds how long a money leg the CBS left pending or unanswered is asked about before it goes
     *                       to an operator, 1 to 604800 (absent: until the quote's expiry plus the gateway's grace)
     */
    public record Cbs(String plugin, String pluginVersion, Integer timeoutMillis, Integer maxConcurrency, Map<String, Object> settings,
                      Map<String, Object> secrets, Timeouts timeouts, Integer pendingDeadlineSeconds) implements Validated {

        public Cbs {
            plugin = strip(plugin);
            pluginVersion = blankless(pluginVersion);
        }

        /** Without a pending deadline. */
        public Cbs(String plugin, String pluginVersion, Integer timeoutMillis, Integer maxConcurrency, Map<String, Object> settings,
                   Map<String, Object> secrets, Timeouts timeouts) {
            this(plugin, pluginVersion, timeoutMillis, maxConcurrency, settings, secrets, timeouts, null);
        }

        /** Without per-kind timeouts. */
        public Cbs(String plugin, String pluginVersion, Integer timeoutMillis, Integer maxConcurrency, Map<String, Object> settings,
                   Map<String, Object> secrets) {
            this(plugin, pluginVersion, timeoutMillis, maxConcurrency, settings, secrets, null, null);
        }

        @Override
        public void check(Check check) {
            if (required(check, "plugin", plugin) && !PLUGIN_ID.matcher(plugin).matches()) {
                check.invalid("plugin", "must be a plugin id such as 'sandbox' or 't24'");
            }
            range(check, "timeoutMillis", timeoutMillis, 50, 120_000);
            range(check, "maxConcurrency", maxConcurrency, 1, 1_024);
            range(check, "pendingDeadlineSeconds", pendingDeadlineSeconds, 1, 604_800);
            check.optionalNested("timeouts", timeouts);
            if (settings != null) {
                settings.forEach((key, value) -> {
                    if (SECRET_LIKE.matcher(key).matches() && value instanceof String text && !text.isBlank()) {
                        check.invalid("settings." + key, "looks like a secret: put it in cbs.secrets as an env: or file: reference");
                    }
                });
            }
            if (secrets != null) {
                secrets.forEach((name, ref) -> {
                    if (!(ref instanceof String text) || !SECRET_REF.matcher(text).matches()) {
                        check.invalid("secrets." + name, "must be a reference 'env:NAME' or 'file:/path', never the secret itself");
                    }
                });
            }
        }
    }

    /**
     * Host-enforced time per kind of adapter call, in milliseconds, each 50 to 120000; an absent kind gets
     * {@code cbs.timeoutMillis}. A lookup is not a posting: a tenant may give lookups 1 s and postings 30 s.
     *
     * @param lookup  {@code lookupParty}
     * @param quote   {@code quote} and {@code balance} (the float check)
     * @param posting every money call (reserve, commit, release, debit, refund, hold, capture, release of a hold)
     * @param status  {@code status} (resolving pending or unknown outcomes)
     * @param health  {@code health}
     */
    public record Timeouts(Integer lookup, Integer quote, Integer posting, Integer status, Integer health) implements Validated {

        @Override
        public void check(Check check) {
            range(check, "lookup", lookup, 50, 120_000);
            range(check, "quote", quote, 50, 120_000);
            range(check, "posting", posting, 50, 120_000);
            range(check, "status", status, 50, 120_000);
            range(check, "health", health, 50, 120_000);
        }
    }

    /**
     * The tenant's Mojaloop Connector.
     *
     * @param outboundUrl       base URL of its outbound API, needed for sending
     * @param confirmCompletion confirm each COMPLETED notification with the Connector ({@code GET /transfers/{id}} on
     *                          its outbound API) before crediting; needs {@code outboundUrl}
     * @param channelWebhook    where the gateway tells the DFSP's channel how a send it answered {@code 202
     *                          DEBIT_PENDING} ended (signed; optional)
     */
    public record Sdk(String outboundUrl, Boolean confirmCompletion, String channelWebhook) implements Validated {

        public Sdk {
            outboundUrl = blankless(outboundUrl);
            channelWebhook = blankless(channelWebhook);
        }

        /** Without a channel webhook. */
        public Sdk(String outboundUrl, Boolean confirmCompletion) {
            this(outboundUrl, confirmCompletion, null);
        }

        @Override
        public void check(Check check) {
            if (outboundUrl != null && url(outboundUrl) == null) {
                check.invalid("outboundUrl", "must be an http(s) URL such as http://dfspa-sdk:4001");
            }
            if (channelWebhook != null && url(channelWebhook) == null) {
                check.invalid("channelWebhook", "must be an http(s) URL such as https://channel.bank-a.example/coregate");
            }
            if (Boolean.TRUE.equals(confirmCompletion) && outboundUrl == null) {
                check.invalid("confirmCompletion", "needs sdk.outboundUrl: the notification is confirmed with the Connector's outbound API");
            }
        }

        /** The URL, or null when it is not an http(s) URL with a host. */
        static URI url(String text) {
            try {
                URI uri = new URI(text);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null ? uri : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /**
     * Who may call the tenant's routes, by source address; an absent or empty list lets any source through (the
     * network in front decides, as the Helm chart's NetworkPolicy does).
     *
     * @param sdkSources  networks ({@code 10.1.0.0/16}) or addresses of the tenant's Mojaloop Connector, for port 3003
     * @param dfspSources networks or addresses of the DFSP's channels, for port 3004
     * @param sdkClients  with TLS client certificates on 3003 ({@code sdk.tls.client-ca-file}): the names (subject CN or
     *                    DNS name) of the certificates the tenant's Connector presents; a call without one of them is
     *                    refused
     */
    public record Access(List<String> sdkSources, List<String> dfspSources, List<String> sdkClients) implements Validated {

        private static final Pattern CLIENT_NAME = Pattern.compile("^[A-Za-z0-9*][A-Za-z0-9._*-]{0,252}$");

        @Override
        public void check(Check check) {
            networks(check, "sdkSources", sdkSources);
            networks(check, "dfspSources", dfspSources);
            if (sdkClients != null) {
                if (sdkClients.size() > 64) {
                    check.invalid("sdkClients", "at most 64 certificate names");
                    return;
                }
                each(check, sdkClients, "sdkClients", (field, value) -> {
                    if (!CLIENT_NAME.matcher(value).matches()) {
                        check.invalid(field, "'" + Rules.shown(value, 45) + "' is not a certificate name such as dfspa-sdk.example.org");
                    }
                });
            }
        }

        private static void networks(Check check, String name, List<String> values) {
            if (values == null) {
                return;
            }
            if (values.size() > 64) {
                check.invalid(name, "at most 64 networks");
                return;
            }
            each(check, values, name, (field, value) -> {
                if (Cidr.parse(value).isEmpty()) {
                    check.invalid(field, "'" + Rules.shown(value, 45) + "' is not an IPv4 or IPv6 address or network such as 10.1.0.0/16");
                }
            });
        }
    }

    /**
     * The tenant's own accounts in the CBS: the defaults, and optionally per currency (each member overriding the
     * default of the same name).
     *
     * @param disbursement payee float account
     * @param collection   payer collection account
     * @param branch       the branch holding them, where the CBS needs one
     * @param byCurrency   per ISO 4217 currency (one of the tenant's currencies)
     */
    public record Accounts(String disbursement, String collection, String branch, Map<String, CurrencyAccounts> byCurrency)
            implements Validated {

        public Accounts {
            disbursement = blankless(disbursement);
            collection = blankless(collection);
            branch = blankless(branch);
        }

        /** The two default accounts only. */
        public Accounts(String disbursement, String collection) {
            this(disbursement, collection, null, null);
        }

        @Override
        public void check(Check check) {
            optionalText(check, "disbursement", disbursement);
            optionalText(check, "collection", collection);
            optionalText(check, "branch", branch);
            if (byCurrency != null) {
                byCurrency.forEach((currency, entry) -> {
                    if (entry == null) {
                        check.invalid("byCurrency." + currency, "must be an object");
                    } else {
                        check.currency("byCurrency." + currency, currency);
                        entry.check(check.at("byCurrency." + currency));
                    }
                });
            }
        }
    }

    /**
     * The accounts of one currency.
     *
     * @param disbursement payee float account in that currency
     * @param collection   payer collection account in that currency
     * @param branch       the branch holding them
     */
    public record CurrencyAccounts(String disbursement, String collection, String branch) implements Validated {

        public CurrencyAccounts {
            disbursement = blankless(disbursement);
            collection = blankless(collection);
            branch = blankless(branch);
        }

        @Override
        public void check(Check check) {
            optionalText(check, "disbursement", disbursement);
            optionalText(check, "collection", collection);
            optionalText(check, "branch", branch);
        }
    }

    /**
     * The tenant's fees.
     *
     * @param send    what the payer side charges its customer
     * @param receive the payee-side fee
     */
    public record Fees(Fee send, Fee receive) implements Validated {

        @Override
        public void check(Check check) {
            check.optionalNested("send", send);
            check.optionalNested("receive", receive);
        }
    }

    /**
     * A percentage fee with optional bounds; decimals as strings (numbers accepted).
     *
     * @param percent the rate in percent, 0 to 100 (default 0)
     * @param min     the lowest fee (default 0)
     * @param max     the highest fee, not below {@code min}; absent means unbounded
     */
    public record Fee(@NumberAsText String percent, @NumberAsText String min, @NumberAsText String max) implements Validated {

        public Fee {
            percent = strip(percent);
            min = strip(min);
            max = strip(max);
        }

        @Override
        public void check(Check check) {
            PlainDecimal.optional(check, "percent", percent).filter(p -> p.compareTo(HUNDRED) > 0)
                .ifPresent(p -> check.invalid("percent", "must be at most 100"));
            BigDecimal low = PlainDecimal.optional(check, "min", min).orElse(BigDecimal.ZERO);
            PlainDecimal.optional(check, "max", max).filter(high -> high.compareTo(low) < 0)
                .ifPresent(high -> check.invalid("max", "must not be below " + check.path("min")));
        }
    }

    /**
     * Liquidity settings for one currency.
     *
     * @param limit        prefunded liquidity or exposure cap (default 0)
     * @param alarmPercent alarm when available falls below this share of the limit, 0 to 100 (default 10)
     */
    public record Liquidity(@NumberAsText String limit, Integer alarmPercent) implements Validated {

        public Liquidity {
            limit = strip(limit);
        }

        @Override
        public void check(Check check) {
            PlainDecimal.optional(check, "limit", limit);
            range(check, "alarmPercent", alarmPercent, 0, 100);
        }
    }

    private interface Element {
        void check(String name, String value);
    }

    private static void each(Check check, List<String> values, String name, Element element) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                check.invalid(name + "[" + i + "]", "must be a string");
            } else {
                element.check(name + "[" + i + "]", values.get(i));
            }
        }
    }

    private static boolean required(Check check, String name, String value) {
        if (value == null) {
            check.invalid(name, "is required");
            return false;
        }
        if (value.isEmpty()) {
            check.invalid(name, "must not be empty");
            return false;
        }
        return true;
    }

    private static void optionalText(Check check, String name, String value) {
        if (value != null) {
            check.text(name, value, 64);
        }
    }

    private static void range(Check check, String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            check.invalid(name, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> strip(List<String> values) {
        return values == null ? null : values.stream().map(TenantDocumentBody::strip).toList();
    }
}
