package io.coregate.gateway.domain.tenant;

import io.coregate.plugin.api.Operation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's validated document (DESIGN.md "Tenant document"), with defaults applied. {@code canonical} is the
 * document as stored and returned: secrets appear only as their {@code env:}/{@code file:} references.
 *
 * @param dfspId           the tenant's Mojaloop participant id
 * @param currencies       ISO 4217 codes the tenant trades in
 * @param supportedIdTypes FSPIOP party id types its CBS can look up
 * @param cbs              which plugin serves it and how
 * @param sdk              its Mojaloop Connector
 * @param accounts         its disbursement and collection accounts
 * @param fees             its fee policy
 * @param liquidity        per-currency liquidity limit and alarm
 * @param canonical        the normalized document, defaults applied, as stored and answered
 */
public record TenantDocument(
        String dfspId,
        List<String> currencies,
        Set<String> supportedIdTypes,
        Cbs cbs,
        Sdk sdk,
        Accounts accounts,
        Fees fees,
        Map<String, Liquidity> liquidity,
        Access access,
        TenantDocumentBody canonical) {

    /**
     * The CBS plugin serving the tenant.
     *
     * @param plugin         plugin id
     * @param pluginVersion  PF4J SemVer expression; empty means the newest loaded
     * @param timeoutMillis  host-enforced time per adapter call
     * @param maxConcurrency bulkhead size
     * @param settings       the plugin's settings object
     * @param secrets        secret name to {@code env:}/{@code file:} reference
     * @param timeouts       per kind of call ({@code cbs.timeouts}), overriding {@code timeoutMillis}
     * @param pendingDeadline how long an open money leg is asked about before an operator must look
     *                        ({@code cbs.pendingDeadlineSeconds}; empty: the quote's expiry plus the gateway's grace)
     */
    public record Cbs(String plugin, Optional<String> pluginVersion, int timeoutMillis, int maxConcurrency,
                      Map<String, Object> settings, Map<String, String> secrets, Map<Operation, Integer> timeouts,
                      Optional<Duration> pendingDeadline) {

        public Cbs {
            timeouts = Map.copyOf(timeouts);
        }

        /** Without a pending deadline of its own. */
        public Cbs(String plugin, Optional<String> pluginVersion, int timeoutMillis, int maxConcurrency, Map<String, Object> settings,
                   Map<String, String> secrets, Map<Operation, Integer> timeouts) {
            this(plugin, pluginVersion, timeoutMillis, maxConcurrency, settings, secrets, timeouts, Optional.empty());
        }

        /** One timeout for every kind of call. */
        public Cbs(String plugin, Optional<String> pluginVersion, int timeoutMillis, int maxConcurrency, Map<String, Object> settings,
                   Map<String, String> secrets) {
            this(plugin, pluginVersion, timeoutMillis, maxConcurrency, settings, secrets, Map.of(), Optional.empty());
        }

        /** The time the host allows one call of this kind. */
        public Duration timeout(Operation operation) {
            return Duration.ofMillis(timeouts.getOrDefault(operation, timeoutMillis));
        }

        /** The time the host allows one adapter call of this name ({@code commitCredit} is a posting). */
        public Duration timeout(String adapterMethod) {
            return timeout(Operation.of(adapterMethod));
        }

        /** The longest time any call may take: what a lease guarding CBS calls must outlast. */
        public Duration longestTimeout() {
            return Duration.ofMillis(timeouts.values().stream().mapToInt(Integer::intValue).reduce(timeoutMillis, Math::max));
        }
    }

    /**
     * The tenant's Mojaloop Connector.
     *
     * @param outboundUrl       base URL of its outbound API, needed for sending
     * @param confirmCompletion whether a COMPLETED notification is confirmed with the Connector before crediting
     * @param channelWebhook    where a pending send's outcome is posted to the channel, signed ({@code sdk.channelWebhook})
     */
    public record Sdk(Optional<URI> outboundUrl, boolean confirmCompletion, Optional<URI> channelWebhook) {

        /** Without a channel webhook. */
        public Sdk(Optional<URI> outboundUrl, boolean confirmCompletion) {
            this(outboundUrl, confirmCompletion, Optional.empty());
        }
    }

    /**
     * The tenant's own accounts in the CBS: defaults, and per currency.
     *
     * @param disbursement payee float account
     * @param collection   payer collection account
     * @param branch       the branch holding them
     * @param byCurrency   per currency, each member overriding the default
     */
    public record Accounts(Optional<String> disbursement, Optional<String> collection, Optional<String> branch,
                           Map<String, Accounts> byCurrency) {

        public Accounts {
            byCurrency = Map.copyOf(byCurrency);
        }

        /** The two default accounts only. */
        public Accounts(Optional<String> disbursement, Optional<String> collection) {
            this(disbursement, collection, Optional.empty(), Map.of());
        }

        /** The accounts of one currency: its entry's members where set, the defaults otherwise. */
        public Accounts forCurrency(String currency) {
            Accounts specific = byCurrency.get(currency);
            if (specific == null) {
                return new Accounts(disbursement, collection, branch, Map.of());
            }
            return new Accounts(specific.disbursement().or(() -> disbursement), specific.collection().or(() -> collection),
                specific.branch().or(() -> branch), Map.of());
        }
    }

    /**
     * A percentage fee with optional bounds, rounded half-even to the currency's minor unit.
     *
     * @param percent the rate in percent
     * @param min     the lowest fee
     * @param max     the highest fee, if bounded
     */
    public record FeePolicy(BigDecimal percent, BigDecimal min, Optional<BigDecimal> max) {

        /** No fee. */
        public static final FeePolicy NONE = new FeePolicy(BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty());
    }

    /**
     * The tenant's fees.
     *
     * @param send    what the payer side charges its customer
     * @param receive the payee-side fee
     */
    public record Fees(FeePolicy send, FeePolicy receive) {
    }

    /**
     * Who may call the tenant's routes, by source address; an empty list lets any source through.
     *
     * @param sdk  the networks of the tenant's Mojaloop Connector (port 3003)
     * @param dfsp       the networks of the DFSP's channels (port 3004)
     * @param sdkClients the certificate names (subject CN or DNS name) the tenant's Connector presents on 3003; empty: not checked
     */
    public record Access(List<Cidr> sdk, List<Cidr> dfsp, List<String> sdkClients) {

        /** Any source, on both listeners. */
        public static final Access ANY = new Access(List.of(), List.of(), List.of());

        public Access {
            sdk = List.copyOf(sdk);
            dfsp = List.copyOf(dfsp);
            sdkClients = List.copyOf(sdkClients);
        }

        /** Whether a Connector presenting a certificate with these names may call the tenant on 3003. */
        public boolean allowsSdkClient(List<String> names) {
            return sdkClients.isEmpty() || names.stream().anyMatch(sdkClients::contains);
        }

        /** Whether a Connector at this address may call the tenant on 3003. */
        public boolean allowsSdk(java.net.InetAddress source) {
            return sdk.isEmpty() || sdk.stream().anyMatch(network -> network.contains(source));
        }

        /** Whether a channel at this address may call the tenant on 3004. */
        public boolean allowsDfsp(java.net.InetAddress source) {
            return dfsp.isEmpty() || dfsp.stream().anyMatch(network -> network.contains(source));
        }
    }

    /**
     * Liquidity settings for one currency.
     *
     * @param limit        prefunded liquidity or exposure cap
     * @param alarmPercent alarm when available falls below this share of the limit
     */
    public record Liquidity(BigDecimal limit, int alarmPercent) {
    }
}
