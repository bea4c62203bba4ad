package io.coregate.plugins.t24;

import com.fasterxml.jackson.databind.JsonNode;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Hold;
import io.coregate.plugin.sim.Ledger;
import io.coregate.plugin.sim.LedgerException;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.Route;
import io.coregate.plugin.sim.SimRequest;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Temenos Transact simulated with the kit, speaking the provider APIs v1.0.0 under {@code /api/v1.0.0} as the plugin's
 * README describes them: accounts (balances, locked amounts, posting restrictions), customers, a customer search by phone
 * number, payment orders and locked amounts, every answer in T24's {@code {header, body}} envelope and every error as
 * {@code {header, error: {type, errorDetails: [{code, message}]}}}.
 *
 * <p>Like T24, it has no idempotency: a payment order posted twice books twice ({@link DuplicatePolicy#BOOK_TWICE}),
 * so the ledger's "one booking per leg key" check catches an adapter that repeats an order (the leg key is the order's
 * {@code orderingReference}). Requests need {@code Authorization: Bearer <token>} or HTTP Basic with the bank user,
 * as the bank was started. Each {@link #start} makes a new bank; {@link #main} runs one until the process is stopped.
 */
public final class T24Simulator {

    /** The API's base path. */
    public static final String BASE = "/api/v1.0.0";
    /** The bearer token {@link #start()} accepts. */
    public static final String TOKEN = "t24-token";
    /** The payment order product the bank set up for CoreGate. */
    public static final String PRODUCT = "MOJALOOP";
    /** The tenant's disbursement account (the float), funded with {@link #FLOAT_FUNDS}. */
    public static final String FLOAT = "100000001";
    /** The tenant's collection account. */
    public static final String COLLECTION = "100000002";
    /** What the float holds at the start. */
    public static final BigDecimal FLOAT_FUNDS = new BigDecimal("1000000");
    /** The largest single order; above it T24 answers {@code PP-LIMIT.EXCEEDED}. */
    public static final BigDecimal ORDER_LIMIT = new BigDecimal("100000");
    /** The route payment orders are created through (where faults are injected). */
    public static final String ORDERS = "POST " + BASE + "/order/paymentOrders";
    /** The route of the order search. */
    public static final String ORDER_SEARCH = "GET " + BASE + "/order/paymentOrders";
    /** The route of account reads. */
    public static final String ACCOUNTS = "GET " + BASE + "/holdings/accounts/{accountId}";
    /** The route locks are created through. */
    public static final String LOCKS = "POST " + BASE + "/holdings/accounts/{accountId}/lockedAmounts";
    /** The lock path a tenant names in {@code cbs.settings.lockPath} for this bank. */
    public static final String LOCK_PATH = "/holdings/accounts/{accountId}/lockedAmounts";
    /** The MSISDN search a tenant names in {@code cbs.settings.msisdnSearchPath} for this bank. */
    public static final String MSISDN_SEARCH = "/party/customers/?phoneNumber={msisdn}";

    private static final System.Logger LOG = System.getLogger(T24Simulator.class.getName());

    /**
     * A customer of the simulated bank with one ZMW account.
     *
     * @param customerId  the T24 customer id
     * @param accountId   the account
     * @param msisdn      the customer's phone number
     * @param customerName the customer's name as T24 holds it
     * @param lastName    the family name
     * @param dateOfBirth ISO date
     * @param balance     the opening balance
     * @param restricted  whether the account carries a posting restriction
     */
    public record Customer(String customerId, String accountId, String msisdn, String customerName, String lastName, String dateOfBirth,
                           String balance, boolean restricted) {
    }

    /** Alice, the payer of the contract suite. */
    public static final Customer ALICE = new Customer("190001", "100100001", "260971000001", "Alice Banda", "Banda", "1985-03-14", "5000", false);
    /** Bob, the payee. */
    public static final Customer BOB = new Customer("190002", "100100002", "260971000002", "Bob Phiri", "Phiri", "1990-07-01", "100", false);
    /** Carol, whose account is restricted. */
    public static final Customer CAROL = new Customer("190003", "100100003", "260971000003", "Carol Mwale", "Mwale", "1979-11-30", "50", true);

    private static final List<Customer> CUSTOMERS = List.of(ALICE, BOB, CAROL);

    /** The bank's payment orders, oldest first. */
    private record Orders(List<Map<String, Object>> all) {
        Optional<Map<String, Object>> byId(String id) {
            return all.stream().filter(o -> id.equals(o.get("paymentOrderId"))).findFirst();
        }
    }

    private T24Simulator() {
    }

    /** Runs a simulated bank on a random port until the process is stopped, logging its address. */
    public static void main(String[] args) throws InterruptedException {
        Simulator bank = start();
        Runtime.getRuntime().addShutdownHook(new Thread(bank::close));
        LOG.log(System.Logger.Level.INFO, "t24 simulator listening at " + bank.baseUri() + BASE + " (bearer " + TOKEN + ")");
        Thread.currentThread().join();
    }

    /** A new bank accepting {@code Bearer} {@link #TOKEN}. */
    public static Simulator start() {
        return start("Bearer " + TOKEN);
    }

    /** A new bank accepting HTTP Basic with this user and password. */
    public static Simulator startBasic(String user, String password) {
        return start("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A new bank accepting exactly this {@code Authorization} header value. */
    public static Simulator start(String authorization) {
        Simulator sim = Simulator.start().duplicates(DuplicatePolicy.BOOK_TWICE);
        Ledger ledger = sim.ledger();
        ledger.open(FLOAT, "ZMW", FLOAT_FUNDS);
        ledger.open(COLLECTION, "ZMW", BigDecimal.ZERO);
        CUSTOMERS.forEach(c -> ledger.open(c.accountId(), "ZMW", new BigDecimal(c.balance())));
        var orders = new Orders(new CopyOnWriteArrayList<>());
        sim.route("GET", BASE + "/holdings/accounts/{accountId}", guard(authorization, (request, l) -> account(request.param("accountId"), l)));
        sim.route("GET", BASE + "/holdings/accounts/{accountId}/reservedFunds", guard(authorization,
                (request, l) -> reservedFunds(request.param("accountId"), l)));
        sim.route("POST", BASE + "/holdings/accounts/{accountId}/lockedAmounts", guard(authorization, T24Simulator::lock));
        sim.route("DELETE", BASE + "/holdings/accounts/{accountId}/lockedAmounts/{lockId}", guard(authorization, T24Simulator::unlock));
        sim.route("GET", BASE + "/party/customers/{customerId}", guard(authorization, (request, l) -> CUSTOMERS.stream()
                .filter(c -> c.customerId().equals(request.param("customerId"))).findFirst()
                .map(c -> ok(List.of(customer(c))))
                .orElse(error(404, "ST-RECORD.NOT.FOUND", "customer " + request.param("customerId") + " not found"))));
        sim.route("GET", BASE + "/party/customers/", guard(authorization, (request, l) -> ok(CUSTOMERS.stream()
                .filter(c -> c.msisdn().equals(request.query().get("phoneNumber"))).map(T24Simulator::customer).toList())));
        sim.route("GET", BASE + "/holdings/customers/{customerId}/accounts/", guard(authorization, (request, l) -> ok(CUSTOMERS.stream()
                .filter(c -> c.customerId().equals(request.param("customerId"))).map(c -> accountBody(c.accountId(), l)).toList())));
        sim.bookingRoute("POST", BASE + "/order/paymentOrders", T24Simulator::orderingReference,
                guard(authorization, (request, l) -> createOrder(request, l, orders)));
        sim.route("GET", BASE + "/order/paymentOrders", guard(authorization, (request, l) -> ok(orders.all().stream()
                .filter(o -> !request.query().containsKey("orderingReference")
                        || request.query().get("orderingReference").equals(o.get("orderingReference")))
                .toList())));
        sim.route("GET", BASE + "/order/paymentOrders/{paymentOrderId}", guard(authorization, (request, l) -> orders
                .byId(request.param("paymentOrderId")).map(o -> ok(List.of(o)))
                .orElse(error(404, "PO-RECORD.NOT.FOUND", "payment order " + request.param("paymentOrderId") + " not found"))));
        return sim;
    }

    /** T24's error answer for each failure kind the adapter maps. */
    public static SimResponse errorFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> error(404, "AC-RECORD.NOT.FOUND", "account record not found");
            case BLOCKED -> error(400, "AC-POSTING.RESTRICT", "account has a posting restriction");
            case INSUFFICIENT_FUNDS -> error(400, "ACCT.UNAUTH.OD", "unauthorised overdraft");
            case LIMIT_EXCEEDED -> error(400, "PP-LIMIT.EXCEEDED", "above the product's limit");
            case UNSUPPORTED_CURRENCY -> error(400, "AC-CCY.MISMATCH", "account currency differs from the payment currency");
            case UNAVAILABLE -> error(503, "EB-SERVICE.UNAVAILABLE", "close of business is running");
            case TIMEOUT, REJECTED -> error(400, "PO-INVALID.REQUEST", "refused by a business rule");
        };
    }

    /** T24's error envelope. */
    public static SimResponse error(int status, String code, String message) {
        var header = new LinkedHashMap<String, Object>();
        header.put("status", "failed");
        header.put("audit", Map.of("T24_time", 12, "parse_time", 0));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("code", code);
        detail.put("message", message);
        return SimResponse.of(status, Map.of("header", header, "error", Map.of("type", "BUSINESS", "errorDetails", List.of(detail))));
    }

    private static SimResponse createOrder(SimRequest request, Ledger ledger, Orders orders) {
        JsonNode order = request.body().path("body");
        if (!PRODUCT.equals(order.path("paymentOrderProductId").asText())) {
            return error(400, "PO-INVALID.PRODUCT", "paymentOrderProductId must name a product set up for this user");
        }
        String from = order.path("debitAccountId").asText();
        String to = order.path("creditAccountId").asText();
        for (String account : List.of(from, to)) {
            if (!ledger.exists(account)) {
                return error(400, "AC-RECORD.NOT.FOUND", "account " + account + " not found");
            }
            if (restricted(account)) {
                return error(400, "AC-POSTING.RESTRICT", "account " + account + " has a posting restriction");
            }
        }
        if (!order.path("transactionAmount").isNumber()) {
            return error(400, "PO-INVALID.AMOUNT", "transactionAmount must be a number");
        }
        BigDecimal amount = order.path("transactionAmount").decimalValue();
        if (amount.compareTo(ORDER_LIMIT) > 0) {
            return error(400, "PP-LIMIT.EXCEEDED", "an order may move at most " + ORDER_LIMIT.toPlainString());
        }
        Posting posting;
        try {
            posting = ledger.transfer(orderingReference(request), from, to, amount, order.path("paymentCurrency").asText());
        } catch (LedgerException e) {
            return switch (e.reason()) {
                case INSUFFICIENT_FUNDS -> error(400, "ACCT.UNAUTH.OD", "unauthorised overdraft on " + from);
                case CURRENCY_MISMATCH -> error(400, "AC-CCY.MISMATCH", e.getMessage());
                default -> error(400, "AC-RECORD.NOT.FOUND", e.getMessage());
            };
        } catch (IllegalArgumentException e) {
            return error(400, "PO-INVALID.AMOUNT", e.getMessage());
        }
        String id = "PI" + String.format("%014d", Long.parseLong(posting.id().substring(2)));
        var stored = new LinkedHashMap<String, Object>();
        stored.put("paymentOrderId", id);
        stored.put("productId", PRODUCT);
        stored.put("debitAccountId", from);
        stored.put("creditAccountId", to);
        stored.put("currency", posting.currency());
        stored.put("amount", amount.toPlainString());
        stored.put("orderingReference", order.path("orderingReference").asText());
        stored.put("endToEndReference", order.path("endToEndReference").asText());
        stored.put("narrative", order.path("narratives").path(0).path("narrative").asText());
        order.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) {
                stored.putIfAbsent(f.getKey(), f.getValue().asText());
            }
        });
        stored.put("systemStatus", "LIVE");
        stored.put("currentStatus", "COMPLETED");
        orders.all().add(stored);
        var header = new LinkedHashMap<String, Object>();
        header.put("id", id);
        header.put("status", "success");
        header.put("transactionStatus", "Live");
        header.put("audit", Map.of("T24_time", 230, "parse_time", 1));
        return SimResponse.ok(Map.of("header", header, "body", order));
    }

    private static SimResponse lock(SimRequest request, Ledger ledger) {
        String account = request.param("accountId");
        JsonNode lock = request.body().path("body");
        if (!ledger.exists(account)) {
            return error(404, "AC-RECORD.NOT.FOUND", "account " + account + " not found");
        }
        try {
            Hold hold = ledger.hold(lock.path("lockReason").asText(), account, new BigDecimal(lock.path("lockedAmount").asText()),
                    ledger.currency(account));
            return SimResponse.ok(Map.of("header", Map.of("id", "ACLK" + hold.id().substring(2), "status", "success",
                    "transactionStatus", "Live"), "body", lock));
        } catch (LedgerException e) {
            return error(400, "ACCT.UNAUTH.OD", "cannot lock " + lock.path("lockedAmount").asText() + " on " + account);
        } catch (NumberFormatException e) {
            return error(400, "AC-INVALID.AMOUNT", "lockedAmount must be a decimal amount");
        }
    }

    private static SimResponse unlock(SimRequest request, Ledger ledger) {
        String holdId = "H-" + request.param("lockId").replaceFirst("^ACLK", "");
        Optional<Hold> hold = ledger.findHold(holdId).filter(h -> h.accountNo().equals(request.param("accountId")));
        if (hold.isEmpty() || hold.get().state() != Hold.State.OPEN) {
            return error(404, "AC-RECORD.NOT.FOUND", "no locked amount " + request.param("lockId"));
        }
        ledger.release(holdId);
        return SimResponse.ok(Map.of("header", Map.of("id", request.param("lockId"), "status", "success", "transactionStatus", "Live")));
    }

    private static SimResponse account(String accountId, Ledger ledger) {
        if (!ledger.exists(accountId)) {
            return error(404, "AC-RECORD.NOT.FOUND", "account " + accountId + " not found");
        }
        return ok(List.of(accountBody(accountId, ledger)));
    }

    private static Map<String, Object> accountBody(String accountId, Ledger ledger) {
        Optional<Customer> owner = CUSTOMERS.stream().filter(c -> c.accountId().equals(accountId)).findFirst();
        var body = new LinkedHashMap<String, Object>();
        body.put("accountId", accountId);
        body.put("productName", owner.isPresent() ? "Current Account" : "Internal Account");
        body.put("displayName", owner.map(Customer::customerName).orElse(FLOAT.equals(accountId) ? "MOJALOOP FLOAT" : "MOJALOOP COLLECTION"));
        owner.ifPresent(c -> body.put("customerId", c.customerId()));
        body.put("currencyId", ledger.currency(accountId));
        BigDecimal booked = ledger.balance(accountId);
        body.put("onlineActualBalance", booked);
        body.put("workingBalance", booked);
        body.put("availableBalance", booked);
        body.put("lockedAmount", booked.subtract(ledger.available(accountId)));
        if (restricted(accountId)) {
            body.put("postingRestrictions", List.of(Map.of("restrictionId", "1", "restrictionType", "POST NO DEBITS OR CREDITS")));
        }
        return body;
    }

    private static SimResponse reservedFunds(String accountId, Ledger ledger) {
        if (!ledger.exists(accountId)) {
            return error(404, "AC-RECORD.NOT.FOUND", "account " + accountId + " not found");
        }
        var locks = new ArrayList<Map<String, Object>>();
        ledger.holds().stream().filter(h -> h.accountNo().equals(accountId) && h.state() == Hold.State.OPEN).forEach(h -> locks.add(Map.of(
                "transactionReference", "ACLK" + h.id().substring(2), "lockReason", h.legKey(), "lockedAmount", h.amount().toPlainString())));
        return ok(locks);
    }

    private static Map<String, Object> customer(Customer c) {
        var body = new LinkedHashMap<String, Object>();
        body.put("customerId", c.customerId());
        body.put("customerName", c.customerName());
        body.put("lastName", c.lastName());
        body.put("dateOfBirth", c.dateOfBirth());
        body.put("phoneNumber", c.msisdn());
        body.put("smsNumber", c.msisdn());
        body.put("status", "1");
        body.put("customerMnemonic", c.lastName().toUpperCase(java.util.Locale.ROOT));
        return body;
    }

    private static boolean restricted(String accountId) {
        return CUSTOMERS.stream().anyMatch(c -> c.accountId().equals(accountId) && c.restricted());
    }

    private static String orderingReference(SimRequest request) {
        return request.body().path("body").path("orderingReference").asText("");
    }

    private static SimResponse ok(List<?> body) {
        return SimResponse.ok(Map.of("header", Map.of("audit", Map.of("T24_time", 40, "parse_time", 0), "page_start", 1,
                "page_size", 99, "total_size", body.size()), "body", body));
    }

    /** The route behind T24's authentication: any other {@code Authorization} is 401 without a body, as IRIS answers. */
    private static Route guard(String authorization, Route route) {
        return (request, ledger) -> authorization.equals(request.header("authorization").orElse(""))
                ? route.handle(request, ledger)
                : new SimResponse(401, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
}
