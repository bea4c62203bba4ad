package io.coregate.gateway.domain.tenant;

import java.math.BigDecimal;
import java.net.URI;
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
     */
    public record Cbs(String plugin, Optional<String> pluginVersion, int timeoutMillis, int maxConcurrency,
                      Map<String, Object> settings, Map<String, String> secrets) {
    }

    /**
     * The tenant's Mojaloop Connector.
     *
     * @param outboundUrl       base URL of its outbound API, needed for sending
     * @param confirmCompletion whether a COMPLETED notification is confirmed with the Connector before crediting
     */
    public record Sdk(Optional<URI> outboundUrl, boolean confirmCompletion) {
    }

    /**
     * The tenant's own accounts in the CBS.
     *
     * @param disbursement payee float account
     * @param collection   payer collection account
     */
    public record Accounts(Optional<String> disbursement, Optional<String> collection) {
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
