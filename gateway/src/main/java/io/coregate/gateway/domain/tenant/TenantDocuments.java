package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.ValidationException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validates a tenant document field by field and applies the documented defaults. */
public final class TenantDocuments {

    /** Default id types when the document names none. */
    public static final List<String> DEFAULT_ID_TYPES = List.of("MSISDN", "ACCOUNT_ID");
    static final int DEFAULT_TIMEOUT_MILLIS = 5_000;
    static final int DEFAULT_MAX_CONCURRENCY = 32;
    static final int DEFAULT_ALARM_PERCENT = 10;

    private static final Pattern FSP_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,32}$");
    private static final Pattern PLUGIN_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern SECRET_REF = Pattern.compile("^(env:[A-Za-z_][A-Za-z0-9_]*|file:/.+)$");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|private[-_]?key).*");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private TenantDocuments() {
    }

    /**
     * Validates and normalizes a document.
     *
     * @param raw the document as plain Java values
     * @return the typed document
     * @throws ValidationException listing every invalid field
     */
    public static TenantDocument parse(Map<String, Object> raw) {
        var in = new DocumentReader();
        in.onlyKnown(raw, "", Set.of("dfspId", "currencies", "supportedIdTypes", "cbs", "sdk", "accounts", "fees", "liquidity"));
        String dfspId = in.requiredString(raw, "dfspId", "dfspId").orElse("");
        if (!dfspId.isEmpty() && !FSP_ID.matcher(dfspId).matches()) {
            in.error("dfspId", "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        List<String> currencies = currencies(in, raw);
        List<String> idTypes = idTypes(in, raw);
        TenantDocument.Cbs cbs = cbs(in, in.object(raw, "cbs", "cbs"), raw.containsKey("cbs"));
        TenantDocument.Sdk sdk = sdk(in, in.object(raw, "sdk", "sdk"));
        Map<String, Object> accountsRaw = in.object(raw, "accounts", "accounts");
        in.onlyKnown(accountsRaw, "accounts.", Set.of("disbursement", "collection"));
        var accounts = new TenantDocument.Accounts(
            in.string(accountsRaw, "disbursement", "accounts.disbursement").filter(s -> !s.isEmpty()),
            in.string(accountsRaw, "collection", "accounts.collection").filter(s -> !s.isEmpty()));
        Map<String, Object> feesRaw = in.object(raw, "fees", "fees");
        in.onlyKnown(feesRaw, "fees.", Set.of("send", "receive"));
        var fees = new TenantDocument.Fees(fee(in, feesRaw, "send"), fee(in, feesRaw, "receive"));
        Map<String, TenantDocument.Liquidity> liquidity = liquidity(in, raw, currencies);
        if (!in.errors().isEmpty()) {
            throw new ValidationException(in.errors());
        }
        var doc = new TenantDocument(dfspId, currencies, new LinkedHashSet<>(idTypes), cbs, sdk, accounts, fees, liquidity, Map.of());
        return withCanonical(doc);
    }

    private static List<String> currencies(DocumentReader in, Map<String, Object> raw) {
        if (!raw.containsKey("currencies")) {
            in.error("currencies", "is required");
            return List.of();
        }
        List<String> currencies = in.strings(raw, "currencies", "currencies");
        if (currencies.isEmpty() && raw.get("currencies") instanceof List<?>) {
            in.error("currencies", "must name at least one currency");
        }
        for (int i = 0; i < currencies.size(); i++) {
            if (!isCurrency(currencies.get(i))) {
                in.error("currencies[" + i + "]", "'" + currencies.get(i) + "' is not an ISO 4217 currency code");
            }
        }
        return currencies.stream().distinct().toList();
    }

    /** True for a 3-letter ISO 4217 code the JDK knows. */
    public static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> idTypes(DocumentReader in, Map<String, Object> raw) {
        if (!raw.containsKey("supportedIdTypes")) {
            return DEFAULT_ID_TYPES;
        }
        List<String> types = in.strings(raw, "supportedIdTypes", "supportedIdTypes");
        for (int i = 0; i < types.size(); i++) {
            if (!TenantDocument.ID_TYPES.contains(types.get(i))) {
                String allowed = String.join(", ", new TreeSet<>(TenantDocument.ID_TYPES));
                in.error("supportedIdTypes[" + i + "]", "'" + types.get(i) + "' is not an FSPIOP party id type (allowed: " + allowed + ")");
            }
        }
        if (types.isEmpty() && raw.get("supportedIdTypes") instanceof List<?>) {
            in.error("supportedIdTypes", "must name at least one id type");
        }
        return types.stream().distinct().toList();
    }

    private static TenantDocument.Cbs cbs(DocumentReader in, Map<String, Object> raw, boolean present) {
        if (!present) {
            in.error("cbs", "is required");
        }
        in.onlyKnown(raw, "cbs.", Set.of("plugin", "pluginVersion", "timeoutMillis", "maxConcurrency", "settings", "secrets"));
        String plugin = present ? in.requiredString(raw, "plugin", "cbs.plugin").orElse("") : "";
        if (!plugin.isEmpty() && !PLUGIN_ID.matcher(plugin).matches()) {
            in.error("cbs.plugin", "must be a plugin id such as 'sandbox' or 't24'");
        }
        Optional<String> version = in.string(raw, "pluginVersion", "cbs.pluginVersion").filter(s -> !s.isEmpty());
        int timeout = in.integer(raw, "timeoutMillis", "cbs.timeoutMillis", DEFAULT_TIMEOUT_MILLIS, 50, 120_000);
        int concurrency = in.integer(raw, "maxConcurrency", "cbs.maxConcurrency", DEFAULT_MAX_CONCURRENCY, 1, 1_024);
        Map<String, Object> settings = in.object(raw, "settings", "cbs.settings");
        settings.forEach((key, value) -> {
            if (SECRET_LIKE.matcher(key).matches() && value instanceof String text && !text.isBlank()) {
                in.error("cbs.settings." + key, "looks like a secret: put it in cbs.secrets as an env: or file: reference");
            }
        });
        var secrets = new LinkedHashMap<String, String>();
        in.object(raw, "secrets", "cbs.secrets").forEach((name, ref) -> {
            if (ref instanceof String text && SECRET_REF.matcher(text).matches()) {
                secrets.put(name, text);
            } else {
                in.error("cbs.secrets." + name, "must be a reference 'env:NAME' or 'file:/path', never the secret itself");
            }
        });
        return new TenantDocument.Cbs(plugin, version, timeout, concurrency, settings, secrets);
    }

    private static TenantDocument.Sdk sdk(DocumentReader in, Map<String, Object> raw) {
        in.onlyKnown(raw, "sdk.", Set.of("outboundUrl"));
        Optional<URI> url = in.string(raw, "outboundUrl", "sdk.outboundUrl").filter(s -> !s.isEmpty()).flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            in.error("sdk.outboundUrl", "must be an http(s) URL such as http://dfspa-sdk:4001");
            return Optional.empty();
        });
        return new TenantDocument.Sdk(url);
    }

    private static TenantDocument.FeePolicy fee(DocumentReader in, Map<String, Object> fees, String side) {
        String prefix = "fees." + side;
        Map<String, Object> raw = in.object(fees, side, prefix);
        in.onlyKnown(raw, prefix + ".", Set.of("percent", "min", "max"));
        BigDecimal percent = in.decimal(raw, "percent", prefix + ".percent", BigDecimal.ZERO).orElse(BigDecimal.ZERO);
        if (percent.compareTo(HUNDRED) > 0) {
            in.error(prefix + ".percent", "must be at most 100");
        }
        BigDecimal min = in.decimal(raw, "min", prefix + ".min", BigDecimal.ZERO).orElse(BigDecimal.ZERO);
        Optional<BigDecimal> max = in.decimal(raw, "max", prefix + ".max", BigDecimal.ZERO);
        if (max.isPresent() && max.get().compareTo(min) < 0) {
            in.error(prefix + ".max", "must not be below fees." + side + ".min");
        }
        return new TenantDocument.FeePolicy(percent, min, max);
    }

    private static Map<String, TenantDocument.Liquidity> liquidity(DocumentReader in, Map<String, Object> raw,
                                                                  List<String> currencies) {
        var result = new LinkedHashMap<String, TenantDocument.Liquidity>();
        in.object(raw, "liquidity", "liquidity").forEach((currency, value) -> {
            String prefix = "liquidity." + currency;
            if (!currencies.contains(currency)) {
                in.error(prefix, "currency is not among the tenant's currencies " + currencies);
                return;
            }
            Map<String, Object> entry = in.object(Map.of("v", value == null ? Map.of() : value), "v", prefix);
            in.onlyKnown(entry, prefix + ".", Set.of("limit", "alarmPercent"));
            BigDecimal limit = in.decimal(entry, "limit", prefix + ".limit", BigDecimal.ZERO).orElse(BigDecimal.ZERO);
            int alarm = in.integer(entry, "alarmPercent", prefix + ".alarmPercent", DEFAULT_ALARM_PERCENT, 0, 100);
            result.put(currency, new TenantDocument.Liquidity(limit, alarm));
        });
        return result;
    }

    private static TenantDocument withCanonical(TenantDocument doc) {
        var canonical = new LinkedHashMap<String, Object>();
        canonical.put("dfspId", doc.dfspId());
        canonical.put("currencies", doc.currencies());
        canonical.put("supportedIdTypes", new ArrayList<>(doc.supportedIdTypes()));
        var cbs = new LinkedHashMap<String, Object>();
        cbs.put("plugin", doc.cbs().plugin());
        doc.cbs().pluginVersion().ifPresent(v -> cbs.put("pluginVersion", v));
        cbs.put("timeoutMillis", doc.cbs().timeoutMillis());
        cbs.put("maxConcurrency", doc.cbs().maxConcurrency());
        cbs.put("settings", doc.cbs().settings());
        cbs.put("secrets", doc.cbs().secrets());
        canonical.put("cbs", cbs);
        var sdk = new LinkedHashMap<String, Object>();
        doc.sdk().outboundUrl().ifPresent(url -> sdk.put("outboundUrl", url.toString()));
        canonical.put("sdk", sdk);
        var accounts = new LinkedHashMap<String, Object>();
        doc.accounts().disbursement().ifPresent(a -> accounts.put("disbursement", a));
        doc.accounts().collection().ifPresent(a -> accounts.put("collection", a));
        canonical.put("accounts", accounts);
        canonical.put("fees", Map.of("send", fee(doc.fees().send()), "receive", fee(doc.fees().receive())));
        var liquidity = new LinkedHashMap<String, Object>();
        doc.liquidity().forEach((currency, l) ->
            liquidity.put(currency, Map.of("limit", l.limit().toPlainString(), "alarmPercent", l.alarmPercent())));
        canonical.put("liquidity", liquidity);
        return new TenantDocument(doc.dfspId(), doc.currencies(), doc.supportedIdTypes(), doc.cbs(), doc.sdk(), doc.accounts(),
            doc.fees(), doc.liquidity(), java.util.Collections.unmodifiableMap(canonical));
    }

    private static Map<String, Object> fee(TenantDocument.FeePolicy policy) {
        var map = new LinkedHashMap<String, Object>();
        map.put("percent", policy.percent().toPlainString());
        map.put("min", policy.min().toPlainString());
        policy.max().ifPresent(max -> map.put("max", max.toPlainString()));
        return map;
    }
}
