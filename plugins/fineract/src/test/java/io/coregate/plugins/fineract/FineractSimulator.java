package io.coregate.plugins.fineract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.Route;
import io.coregate.plugin.sim.SimRequest;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import io.coregate.plugins.fineract.FineractBook.Client;
import io.coregate.plugins.fineract.FineractBook.Savings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apache Fineract's REST API (the parts the plugin's README lists) simulated with the kit: basic authentication and the
 * {@code Fineract-Platform-TenantId} header (401 and 400 otherwise), client search, clients and savings accounts with
 * status and sub-status, holds, account transfers and atomic batches. Commands honour {@code Idempotency-Key} as
 * Fineract does: a key processed before answers its first answer again (with {@code x-served-from-cache}), without
 * booking; a key still being processed is refused with 409. Amounts and dates need {@code locale} and
 * {@code dateFormat} (400 otherwise); amounts are rounded to {@code inMultiplesOf} as Fineract rounds them.
 * Each {@link #start} makes a new Fineract; {@link #main} runs one until the process is stopped. Thread-safe.
 */
public final class FineractSimulator {

    /** The Fineract user. */
    public static final String USERNAME = "mifos";
    /** Its password. */
    public static final String PASSWORD = "Fin3ract-s3cret";
    /** The Fineract tenant identifier. */
    public static final String TENANT = "default";
    /** The customers' savings product. */
    public static final long PRODUCT = 1;
    /** Another savings product (a fixed deposit, say), never used for transfers. */
    public static final long OTHER_PRODUCT = 2;
    /** The tenant's disbursement savings account (owned by the DFSP's own client), funded with {@link #FLOAT_FUNDS}. */
    public static final long FLOAT = 1;
    /** The tenant's collection savings account. */
    public static final long COLLECTION = 2;
    /** What the float holds at the start. */
    public static final BigDecimal FLOAT_FUNDS = new BigDecimal("1000000");
    /** Where the API is served, as in a Fineract installation. */
    public static final String API = "/fineract-provider/api/v1";
    /** The route of account transfers (where faults are injected). */
    public static final String TRANSFERS = "POST " + API + "/accounttransfers";
    /** The route of {@code holdAmount}. */
    public static final String TRANSACTIONS = "POST " + API + "/savingsaccounts/{savingsId}/transactions";
    /** The route of {@code releaseAmount}. */
    public static final String HOLD_RELEASE = "POST " + API + "/savingsaccounts/{savingsId}/transactions/{transactionId}";
    /** The route of batches. */
    public static final String BATCHES = "POST " + API + "/batches";
    /** The route of client search. */
    public static final String SEARCH = "GET " + API + "/search";

    private static final System.Logger LOG = System.getLogger(FineractSimulator.class.getName());
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A customer of the simulated Fineract.
     *
     * @param clientId  the client id
     * @param savingsId the savings account id of {@link #PRODUCT}
     * @param msisdn    the client's {@code mobileNo}
     * @param firstname given name
     * @param lastname  family name
     * @param balance   the opening balance in ZMW
     * @param subStatus none, dormant, block, blockCredit or blockDebit
     */
    public record Customer(long clientId, long savingsId, String msisdn, String firstname, String lastname, String balance,
                           String subStatus) {
    }

    /** Alice, the payer. */
    public static final Customer ALICE = new Customer(101, 11, "260971000001", "Alice", "Banda", "5000", "none");
    /** Bob, the payee. */
    public static final Customer BOB = new Customer(102, 12, "260971000002", "Bob", "Phiri", "100", "none");
    /** Carol, whose account is blocked. */
    public static final Customer CAROL = new Customer(103, 13, "260971000003", "Carol", "Mwale", "50", "block");
    /** Dan, whose account is blocked for debits. */
    public static final Customer DAN = new Customer(104, 14, "260971000004", "Dan", "Zulu", "500", "blockDebit");
    /** Eve, whose account is blocked for credits. */
    public static final Customer EVE = new Customer(105, 15, "260971000005", "Eve", "Tembo", "500", "blockCredit");
    /** Fay, whose account is dormant. */
    public static final Customer FAY = new Customer(106, 16, "260971000006", "Fay", "Lungu", "500", "dormant");
    /** Two clients share this mobile number: a lookup finds no single party. */
    public static final String SHARED_MSISDN = "260971000009";
    /** A client whose external id is this number but whose mobile number is not. */
    public static final String EXTERNAL_ID_ONLY = "260971000008";

    private final Simulator sim;
    private final FineractBook book;
    private final FineractCommands commands;
    private volatile int pageLimit = Integer.MAX_VALUE;

    private FineractSimulator(Simulator sim) {
        this.sim = sim;
        this.book = new FineractBook(sim.ledger());
        this.commands = new FineractCommands(book);
    }

    /** Runs a simulated Fineract on a random port until the process is stopped, logging its address. */
    public static void main(String[] args) throws InterruptedException {
        FineractSimulator fineract = start();
        Runtime.getRuntime().addShutdownHook(new Thread(fineract.sim::close));
        LOG.log(System.Logger.Level.INFO, "Fineract simulator listening at " + fineract.baseUrl() + " (user " + USERNAME + ", tenant "
                + TENANT + ")");
        Thread.currentThread().join();
    }

    /** A new simulated Fineract on a random loopback port, with the customers above. */
    public static FineractSimulator start() {
        var fineract = new FineractSimulator(Simulator.start());
        fineract.seed();
        fineract.routes();
        return fineract;
    }

    /** The kit's simulator: faults, journal, ledger, close. */
    public Simulator simulator() {
        return sim;
    }

    /** The API root the plugin's {@code baseUrl} names. */
    public String baseUrl() {
        return sim.baseUri() + API;
    }

    /** Makes every command take this long before it books (a second request under its key meanwhile gets 409). */
    public void slowCommands(Duration delay) {
        commands.delay(delay);
    }

    /** Changes a savings account's sub-status. */
    public void subStatus(long savingsId, String subStatus) {
        synchronized (book.ledger()) {
            book.subStatus(savingsId, subStatus);
        }
    }

    /** Changes a savings account's {@code inMultiplesOf}. */
    public void inMultiplesOf(long savingsId, BigDecimal multiple) {
        synchronized (book.ledger()) {
            book.inMultiplesOf(savingsId, multiple);
        }
    }

    /** The account transfers booked, oldest first. */
    public List<FineractTransfer> transfers() {
        synchronized (book.ledger()) {
            return book.transfers();
        }
    }

    /** The booked balance of a savings account. */
    public BigDecimal balance(long savingsId) {
        return book.balance(savingsId);
    }

    /** The available balance (holds deducted). */
    public BigDecimal available(long savingsId) {
        return book.available(savingsId);
    }

    /** Fineract's error answer for each failure kind the adapter maps. */
    public static SimResponse errorFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> error(404, "error.msg.saving.account.id.invalid", "Saving account with identifier 999 does not exist");
            case BLOCKED -> error(403, "error.msg.savings.account.debit.transaction.not.allowed", "the account is blocked for debits");
            case INSUFFICIENT_FUNDS -> error(403, "error.msg.savingsaccount.transaction.insufficient.account.balance",
                    "Insufficient account balance.");
            case UNAVAILABLE -> SimResponse.of(503, Map.of("message", "Service Unavailable"));
            case TIMEOUT, REJECTED, LIMIT_EXCEEDED, UNSUPPORTED_CURRENCY -> error(400, "validation.msg.validation.errors.exist",
                    "Validation errors exist.");
        };
    }

    /** Fineract's error body: the first error's {@code userMessageGlobalisationCode} is what a client reads. */
    static SimResponse error(int status, String code, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("developerMessage", message);
        error.put("defaultUserMessage", message);
        error.put("userMessageGlobalisationCode", code);
        error.put("parameterName", "id");
        var body = new LinkedHashMap<String, Object>();
        body.put("developerMessage", "The request caused a data integrity or business rule issue.");
        body.put("httpStatusCode", Integer.toString(status));
        body.put("defaultUserMessage", message);
        body.put("userMessageGlobalisationCode", status == 403 ? "error.msg.business.rule.violation" : code);
        body.put("errors", List.of(error));
        return SimResponse.of(status, body);
    }

    private void seed() {
        var ledger = book.ledger();
        synchronized (ledger) {
            book.addClient(new Client(1, 1, "CoreGate", "Settlement", "", "coregate"));
            book.open(new Savings(FLOAT, 1, 9, "ZMW", true, "none", BigDecimal.ZERO), FLOAT_FUNDS);
            book.open(new Savings(COLLECTION, 1, 9, "ZMW", true, "none", BigDecimal.ZERO), BigDecimal.ZERO);
            for (Customer c : List.of(ALICE, BOB, CAROL, DAN, EVE, FAY)) {
                book.addClient(new Client(c.clientId(), 2, c.firstname(), c.lastname(), c.msisdn(), "C-" + c.clientId()));
                book.open(new Savings(c.savingsId(), c.clientId(), PRODUCT, "ZMW", true, c.subStatus(), BigDecimal.ZERO),
                        new BigDecimal(c.balance()));
            }
            book.open(new Savings(21, ALICE.clientId(), OTHER_PRODUCT, "ZMW", true, "none", BigDecimal.ZERO), new BigDecimal("7"));
            book.open(new Savings(22, BOB.clientId(), PRODUCT, "USD", true, "none", BigDecimal.ZERO), new BigDecimal("3"));
            book.addClient(new Client(201, 2, "Twin", "One", SHARED_MSISDN, "T-1"));
            book.addClient(new Client(202, 2, "Twin", "Two", SHARED_MSISDN, "T-2"));
            book.open(new Savings(31, 201, PRODUCT, "ZMW", true, "none", BigDecimal.ZERO), BigDecimal.TEN);
            book.open(new Savings(32, 202, PRODUCT, "ZMW", true, "none", BigDecimal.ZERO), BigDecimal.TEN);
            book.addClient(new Client(203, 2, "Gus", "Other", "+" + EXTERNAL_ID_ONLY, EXTERNAL_ID_ONLY));
            book.open(new Savings(33, 203, PRODUCT, "ZMW", true, "none", BigDecimal.ZERO), BigDecimal.TEN);
        }
    }

    private void routes() {
        String api = API;
        sim.route("GET", api + "/search", guarded(this::search));
        sim.route("GET", api + "/clients/{clientId}", guarded(this::client));
        sim.route("GET", api + "/clients/{clientId}/accounts", guarded(this::clientAccounts));
        sim.route("GET", api + "/savingsaccounts/{accountId}", guarded(this::savings));
        sim.route("GET", api + "/accounttransfers", guarded(this::transferPage));
        sim.route("GET", api + "/accounttransfers/{transferId}", guarded(this::transfer));
        sim.route("POST", api + "/accounttransfers", guarded((r, l) -> commands.run("CREATE ACCOUNTTRANSFER", r, commands.transfer)));
        sim.route("POST", api + "/savingsaccounts/{savingsId}/transactions", guarded((r, l) -> "holdAmount".equals(r.query().get("command"))
                ? commands.run("HOLDAMOUNT SAVINGSACCOUNT", r, commands.hold)
                : error(400, "error.msg.unrecognized.query.command", "Unrecognized query command " + r.query().get("command"))));
        sim.route("POST", api + "/savingsaccounts/{savingsId}/transactions/{transactionId}", guarded((r, l) ->
                "releaseAmount".equals(r.query().get("command"))
                        ? commands.run("RELEASEAMOUNT SAVINGSACCOUNT", r, commands.release)
                        : error(400, "error.msg.unrecognized.query.command", "Unrecognized query command " + r.query().get("command"))));
        sim.route("POST", api + "/batches", guarded((r, l) -> commands.batch(r)));
    }

    /** Basic authentication and the tenant header, checked on every route before it runs. */
    private static Route guarded(Route route) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return (request, ledger) -> {
            Optional<String> tenant = request.header(FineractClient.TENANT_HEADER);
            if (tenant.isEmpty() || !TENANT.equals(tenant.get())) {
                return error(400, "error.msg.invalid.tenant.identifier", "No tenant identifier found: add the request header "
                        + FineractClient.TENANT_HEADER);
            }
            if (!request.header("authorization").equals(Optional.of(expected))) {
                return error(401, "error.msg.not.authenticated", "Unauthenticated. Please login.");
            }
            return route.handle(request, ledger);
        };
    }

    private SimResponse search(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        String query = request.query().getOrDefault("query", "");
        boolean exact = Boolean.parseBoolean(request.query().getOrDefault("exactMatch", "false"));
        if (!request.query().getOrDefault("resource", "clients").contains("clients")) {
            return SimResponse.ok(List.of());
        }
        synchronized (ledger) {
            return SimResponse.ok(book.clients().stream()
                    .filter(c -> List.of(c.mobileNo(), c.externalId(), c.displayName(), "%09d".formatted(c.id())).stream()
                            .anyMatch(field -> exact ? field.equals(query) : field.contains(query)))
                    .map(c -> {
                        var hit = new LinkedHashMap<String, Object>();
                        hit.put("entityId", c.id());
                        hit.put("entityAccountNo", "%09d".formatted(c.id()));
                        hit.put("entityExternalId", c.externalId());
                        hit.put("entityName", c.displayName());
                        hit.put("entityType", "CLIENT");
                        hit.put("parentId", c.officeId());
                        hit.put("parentName", "Head Office");
                        hit.put("entityMobileNo", c.mobileNo());
                        hit.put("entityStatus", Map.of("id", 300, "code", "clientStatusType.active", "value", "Active"));
                        return hit;
                    }).toList());
        }
    }

    private SimResponse client(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        synchronized (ledger) {
            return id(request.param("clientId")).flatMap(book::client).map(c -> {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", c.id());
                body.put("accountNo", "%09d".formatted(c.id()));
                body.put("externalId", c.externalId());
                body.put("status", Map.of("id", 300, "code", "clientStatusType.active", "value", "Active"));
                body.put("active", true);
                body.put("firstname", c.firstname());
                body.put("lastname", c.lastname());
                body.put("displayName", c.displayName());
                body.put("mobileNo", c.mobileNo());
                body.put("officeId", c.officeId());
                body.put("officeName", c.officeId() == 1 ? "Head Office" : "Lusaka");
                return SimResponse.ok(body);
            }).orElseGet(() -> error(404, "error.msg.client.id.invalid", "Client with identifier " + request.param("clientId")
                    + " does not exist"));
        }
    }

    private SimResponse clientAccounts(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        synchronized (ledger) {
            Optional<Client> client = id(request.param("clientId")).flatMap(book::client);
            if (client.isEmpty()) {
                return error(404, "error.msg.client.id.invalid", "Client with identifier " + request.param("clientId") + " does not exist");
            }
            return SimResponse.ok(Map.of("savingsAccounts", book.savingsOf(client.get().id()).stream().map(s -> {
                var account = new LinkedHashMap<String, Object>();
                account.put("id", s.id());
                account.put("accountNo", "%09d".formatted(s.id()));
                account.put("productId", s.productId());
                account.put("productName", s.productId() == PRODUCT ? "Wallet" : "Other product");
                account.put("status", status(s));
                account.put("currency", Map.of("code", s.currency(), "decimalPlaces", 2, "inMultiplesOf", s.inMultiplesOf()));
                account.put("accountBalance", book.balance(s.id()));
                return account;
            }).toList()));
        }
    }

    private SimResponse savings(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        synchronized (ledger) {
            return id(request.param("accountId")).flatMap(book::savings).map(s -> {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", s.id());
                body.put("accountNo", "%09d".formatted(s.id()));
                body.put("clientId", s.clientId());
                body.put("clientName", book.client(s.clientId()).map(Client::displayName).orElse(""));
                body.put("savingsProductId", s.productId());
                body.put("status", status(s));
                body.put("subStatus", subStatus(s.subStatus()));
                body.put("currency", Map.of("code", s.currency(), "decimalPlaces", 2, "inMultiplesOf", s.inMultiplesOf()));
                body.put("summary", Map.of("accountBalance", book.balance(s.id()), "availableBalance", book.available(s.id())));
                return SimResponse.ok(body);
            }).orElseGet(() -> error(404, "error.msg.saving.account.id.invalid", "Saving account with identifier "
                    + request.param("accountId") + " does not exist"));
        }
    }

    private SimResponse transferPage(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        int limit = Math.min(pageLimit, Integer.parseInt(request.query().getOrDefault("limit", "200")));
        synchronized (ledger) {
            var all = book.transfers();
            var items = all.reversed().stream().limit(limit).map(FineractCommands::transferItem).toList();
            return SimResponse.ok(Map.of("totalFilteredRecords", all.size(), "pageItems", items));
        }
    }

    private SimResponse transfer(SimRequest request, io.coregate.plugin.sim.Ledger ledger) {
        synchronized (ledger) {
            return id(request.param("transferId")).flatMap(id -> book.transfers().stream().filter(t -> t.id() == id).findFirst())
                    .map(t -> SimResponse.ok(FineractCommands.transferItem(t)))
                    .orElseGet(() -> error(404, "error.msg.accounttransfer.id.invalid", "Account transfer with identifier "
                            + request.param("transferId") + " does not exist"));
        }
    }

    /** Makes {@code GET /accounttransfers} list only the latest {@code limit} transfers, whatever the request asks. */
    public void transferPageLimit(int limit) {
        pageLimit = limit;
    }

    private static Map<String, Object> status(Savings s) {
        return Map.of("id", s.active() ? 300 : 100, "code", s.active() ? "savingsAccountStatusType.active"
                : "savingsAccountStatusType.submitted.and.pending.approval", "active", s.active(), "closed", false);
    }

    private static Map<String, Object> subStatus(String name) {
        var body = new HashMap<String, Object>();
        body.put("code", "SavingsAccountSubStatusEnum." + name);
        for (String flag : List.of("none", "inactive", "dormant", "escheat", "block", "blockCredit", "blockDebit")) {
            body.put(flag, flag.equals(name));
        }
        return body;
    }

    static Optional<Long> id(String text) {
        return text.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** The parsed JSON of a batch item's body. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }
}
