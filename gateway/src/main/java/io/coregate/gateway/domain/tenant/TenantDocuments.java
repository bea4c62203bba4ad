package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.ValidationException;
import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.PlainDecimal;

import io.coregate.plugin.api.Operation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a checked tenant document body into the typed document, applying the documented defaults. Stateless. */
public final class TenantDocuments {

    /** Default id types when the document names none. */
    public static final List<String> DEFAULT_ID_TYPES = List.of("MSISDN", "ACCOUNT_ID");
    static final int DEFAULT_TIMEOUT_MILLIS = 5_000;
    static final int DEFAULT_MAX_CONCURRENCY = 32;
    static final int DEFAULT_ALARM_PERCENT = 10;

    private TenantDocuments() {
    }

    /**
     * Checks a body and applies the defaults.
     *
     * @param body the document as bound
     * @return the typed document; its {@code canonical} is the body normalized
     * @throws ValidationException listing every invalid field
     */
    public static TenantDocument of(TenantDocumentBody body) {
        Check.valid(body);
        List<String> currencies = body.currencies().stream().distinct().toList();
        List<String> idTypes = body.supportedIdTypes() == null ? DEFAULT_ID_TYPES : body.supportedIdTypes().stream().distinct().toList();
        TenantDocumentBody.Cbs cbsBody = body.cbs();
        var secrets = new LinkedHashMap<String, String>();
        Optional.ofNullable(cbsBody.secrets()).orElse(Map.of()).forEach((name, ref) -> secrets.put(name, (String) ref));
        var cbs = new TenantDocument.Cbs(cbsBody.plugin(), Optional.ofNullable(cbsBody.pluginVersion()),
            Optional.ofNullable(cbsBody.timeoutMillis()).orElse(DEFAULT_TIMEOUT_MILLIS),
            Optional.ofNullable(cbsBody.maxConcurrency()).orElse(DEFAULT_MAX_CONCURRENCY),
            Optional.ofNullable(cbsBody.settings()).orElse(Map.of()), Collections.unmodifiableMap(secrets), timeouts(cbsBody.timeouts()),
            Optional.ofNullable(cbsBody.pendingDeadlineSeconds()).map(Duration::ofSeconds));
        Optional<String> url = Optional.ofNullable(body.sdk()).map(TenantDocumentBody.Sdk::outboundUrl);
        boolean confirm = Optional.ofNullable(body.sdk()).map(TenantDocumentBody.Sdk::confirmCompletion).orElse(false);
        Optional<String> webhook = Optional.ofNullable(body.sdk()).map(TenantDocumentBody.Sdk::channelWebhook);
        var accountsBody = Optional.ofNullable(body.accounts()).orElse(new TenantDocumentBody.Accounts(null, null));
        var byCurrency = new LinkedHashMap<String, TenantDocument.Accounts>();
        Optional.ofNullable(accountsBody.byCurrency()).orElse(Map.of()).forEach((currency, entry) -> byCurrency.put(currency,
            new TenantDocument.Accounts(Optional.ofNullable(entry.disbursement()), Optional.ofNullable(entry.collection()),
                Optional.ofNullable(entry.branch()), Map.of())));
        var accounts = new TenantDocument.Accounts(Optional.ofNullable(accountsBody.disbursement()),
            Optional.ofNullable(accountsBody.collection()), Optional.ofNullable(accountsBody.branch()), byCurrency);
        var feesBody = Optional.ofNullable(body.fees()).orElse(new TenantDocumentBody.Fees(null, null));
        var fees = new TenantDocument.Fees(fee(feesBody.send()), fee(feesBody.receive()));
        var liquidity = new LinkedHashMap<String, TenantDocument.Liquidity>();
        Optional.ofNullable(body.liquidity()).orElse(Map.of()).forEach((currency, entry) -> liquidity.put(currency,
            new TenantDocument.Liquidity(PlainDecimal.of(entry.limit()).orElse(BigDecimal.ZERO),
                Optional.ofNullable(entry.alarmPercent()).orElse(DEFAULT_ALARM_PERCENT))));
        var accessBody = Optional.ofNullable(body.access()).orElse(new TenantDocumentBody.Access(null, null, null));
        var access = new TenantDocument.Access(networks(accessBody.sdkSources()), networks(accessBody.dfspSources()),
            accessBody.sdkClients() == null ? List.of() : accessBody.sdkClients().stream().distinct().toList());
        var canonical = new TenantDocumentBody(body.dfspId(), currencies, idTypes,
            new TenantDocumentBody.Cbs(cbs.plugin(), cbsBody.pluginVersion(), cbs.timeoutMillis(), cbs.maxConcurrency(), cbs.settings(),
                Collections.unmodifiableMap(new LinkedHashMap<>(secrets)), cbsBody.timeouts(), cbsBody.pendingDeadlineSeconds()),
            new TenantDocumentBody.Sdk(url.orElse(null), confirm ? Boolean.TRUE : null, webhook.orElse(null)), accountsBody,
            new TenantDocumentBody.Fees(canonical(fees.send()), canonical(fees.receive())), canonical(liquidity), canonical(access));
        return new TenantDocument(body.dfspId(), currencies, new LinkedHashSet<>(idTypes), cbs,
            new TenantDocument.Sdk(url.map(TenantDocumentBody.Sdk::url), confirm, webhook.map(TenantDocumentBody.Sdk::url)), accounts, fees,
            Collections.unmodifiableMap(liquidity), access, canonical);
    }

    private static List<Cidr> networks(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> Cidr.parse(v).orElseThrow()).distinct().toList();
    }

    private static TenantDocumentBody.Access canonical(TenantDocument.Access access) {
        return access.equals(TenantDocument.Access.ANY) ? null : new TenantDocumentBody.Access(
            access.sdk().isEmpty() ? null : access.sdk().stream().map(Cidr::toString).toList(),
            access.dfsp().isEmpty() ? null : access.dfsp().stream().map(Cidr::toString).toList(),
            access.sdkClients().isEmpty() ? null : access.sdkClients());
    }

    private static Map<Operation, Integer> timeouts(TenantDocumentBody.Timeouts body) {
        var timeouts = new EnumMap<Operation, Integer>(Operation.class);
        if (body != null) {
            Optional.ofNullable(body.lookup()).ifPresent(v -> timeouts.put(Operation.LOOKUP, v));
            Optional.ofNullable(body.quote()).ifPresent(v -> timeouts.put(Operation.QUOTE, v));
            Optional.ofNullable(body.posting()).ifPresent(v -> timeouts.put(Operation.POSTING, v));
            Optional.ofNullable(body.status()).ifPresent(v -> timeouts.put(Operation.STATUS, v));
            Optional.ofNullable(body.health()).ifPresent(v -> timeouts.put(Operation.HEALTH, v));
        }
        return timeouts;
    }

    private static TenantDocument.FeePolicy fee(TenantDocumentBody.Fee body) {
        if (body == null) {
            return new TenantDocument.FeePolicy(BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty());
        }
        return new TenantDocument.FeePolicy(PlainDecimal.of(body.percent()).orElse(BigDecimal.ZERO),
            PlainDecimal.of(body.min()).orElse(BigDecimal.ZERO), PlainDecimal.of(body.max()));
    }

    private static TenantDocumentBody.Fee canonical(TenantDocument.FeePolicy policy) {
        return new TenantDocumentBody.Fee(policy.percent().toPlainString(), policy.min().toPlainString(),
            policy.max().map(BigDecimal::toPlainString).orElse(null));
    }

    private static Map<String, TenantDocumentBody.Liquidity> canonical(Map<String, TenantDocument.Liquidity> liquidity) {
        var result = new LinkedHashMap<String, TenantDocumentBody.Liquidity>();
        liquidity.forEach((currency, entry) ->
            result.put(currency, new TenantDocumentBody.Liquidity(entry.limit().toPlainString(), entry.alarmPercent())));
        return Collections.unmodifiableMap(result);
    }
}
