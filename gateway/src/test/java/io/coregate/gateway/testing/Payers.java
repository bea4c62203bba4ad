package io.coregate.gateway.testing;

import io.coregate.plugin.api.Balance;
import io.coregate.plugin.api.Outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payer flow seen from a DFSP channel, for tests: a sandbox tenant whose {@code sdk.outboundUrl} is an
 * {@link OutboundSimulator}, with a ZMW liquidity limit and an API key; request bodies; and snapshots of what must not
 * change on a failure (the customer's balance, the ledger's reserved and position).
 */
public final class Payers {

    /** Alice, the paying customer (5000.00 ZMW). */
    public static final String ALICE = "260971000001";
    /** A payee the simulator resolves. */
    public static final String MARY = "260972100001";

    private final TestGateway gateway;
    private final String tenant;
    private final Http dfsp;

    private Payers(TestGateway gateway, String tenant, Http dfsp) {
        this.gateway = gateway;
        this.tenant = tenant;
        this.dfsp = dfsp;
    }

    /** Creates the tenant (liquidity limit {@code limit} ZMW, send fee 1%) and an API key for it. */
    public static Payers tenant(TestGateway gateway, String tenant, OutboundSimulator simulator, String limit) {
        return tenant(gateway, tenant, simulator, limit, Map.of("accounts", Tenants.standardAccounts()));
    }

    /** As {@link #tenant(TestGateway, String, OutboundSimulator, String)}, with the sandbox's own settings (faults...). */
    public static Payers tenant(TestGateway gateway, String tenant, OutboundSimulator simulator, String limit, Map<String, Object> settings) {
        var created = gateway.admin().put("/admin/tenants/" + tenant, document(tenant, simulator.url(), limit, settings));
        assertEquals(201, created.status(), created.body());
        var key = gateway.admin().post("/admin/tenants/" + tenant + "/api-keys", Map.of());
        assertEquals(201, key.status(), key.body());
        return new Payers(gateway, tenant, gateway.dfsp().with("X-API-Key", key.field("apiKey")));
    }

    /** A payer tenant onboarded by the caller, used with its API key {@code apiKey}. */
    public static Payers of(TestGateway gateway, String tenant, String apiKey) {
        return new Payers(gateway, tenant, gateway.dfsp().with("X-API-Key", apiKey));
    }

    /** The document of a payer tenant whose Connector is at {@code outboundUrl}: liquidity limit {@code limit} ZMW, send fee 1%. */
    public static Map<String, Object> document(String tenant, java.net.URI outboundUrl, String limit, Map<String, Object> settings) {
        var doc = Tenants.sandbox(tenant.replace("-", ""), settings);
        doc.put("sdk", Map.of("outboundUrl", outboundUrl + "/"));
        doc.put("liquidity", Map.of("ZMW", Map.of("limit", limit, "alarmPercent", 80)));
        doc.put("fees", Map.of("send", Map.of("percent", "1", "min", "0"), "receive", Map.of("percent", "0", "min", "0")));
        return doc;
    }

    /** A plain client of another server (the simulator itself, as the connector's other users would call it). */
    public static Http client(java.net.URI base) {
        return new Http(base.toString().replaceAll("/$", ""), Map.of());
    }

    /** The channel's client, with the tenant's key. */
    public Http dfsp() {
        return dfsp;
    }

    public String tenant() {
        return tenant;
    }

    /** A fresh homeTransactionId. */
    public static String home() {
        return "home-" + UUID.randomUUID();
    }

    /** A send-money body from Alice. */
    public static Map<String, Object> sendMoney(String home, String payeeId, String amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("homeTransactionId", home);
        body.put("payeeIdType", "MSISDN");
        body.put("payeeId", payeeId);
        body.put("sendAmount", amount);
        body.put("sendCurrency", "ZMW");
        body.put("transactionType", "TRANSFER");
        body.put("payer", Map.of("name", "Alice Banda", "payerId", ALICE, "payerIdType", "MSISDN"));
        return body;
    }

    /** A merchant-payment body from Alice. */
    public static Map<String, Object> merchantPayment(String home, String payeeId, String amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("homeTransactionId", home);
        body.put("payeeIdType", "MSISDN");
        body.put("payeeId", payeeId);
        body.put("receiveAmount", amount);
        body.put("receiveCurrency", "ZMW");
        body.put("payer", Map.of("name", "Alice Banda", "payerId", ALICE));
        return body;
    }

    public Http.Response send(Map<String, Object> body) {
        return dfsp.post("/" + tenant + "/send-money", body);
    }

    public Http.Response accept(String transferId, String home, boolean accept) {
        return dfsp.put("/" + tenant + "/send-money/" + transferId, Map.of("acceptQuote", accept, "homeTransactionId", home));
    }

    /** Alice's available balance in the sandbox bank. */
    public BigDecimal customer() {
        var t = gateway.directory().resolve(tenant);
        Outcome<Balance> outcome = gateway.adapters().call(t, "balance", a -> a.balance("SB-0001", "ZMW"));
        return ((Outcome.Done<Balance>) outcome).value().available().amount();
    }

    /**
     * What a failure must leave as it was.
     *
     * @param customer Alice's balance
     * @param reserved the ledger's reserved ZMW
     * @param position the ledger's position in ZMW
     */
    public record Snapshot(BigDecimal customer, BigDecimal reserved, BigDecimal position) {

        /** Equal figures compare equal whatever their scale. */
        public boolean same(Snapshot other) {
            return customer.compareTo(other.customer) == 0 && reserved.compareTo(other.reserved) == 0 && position.compareTo(other.position) == 0;
        }
    }

    public Snapshot snapshot() {
        var liquidity = gateway.admin().get("/admin/tenants/" + tenant + "/liquidity");
        assertEquals(200, liquidity.status(), liquidity.body());
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) liquidity.json().get("liquidity");
        var zmw = rows.stream().filter(r -> "ZMW".equals(r.get("currency"))).findFirst().orElseThrow();
        return new Snapshot(customer(), new BigDecimal(zmw.get("reserved").toString()), new BigDecimal(zmw.get("position").toString()));
    }

    /** The ledger check over every tenant. */
    public boolean ledgerConsistent() {
        var check = gateway.admin().get("/admin/ledger/check");
        return check.status() == 200 && check.body().contains("\"consistent\":true");
    }
}
