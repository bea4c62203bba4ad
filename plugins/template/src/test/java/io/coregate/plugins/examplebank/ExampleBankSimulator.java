package io.coregate.plugins.examplebank;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Ledger;
import io.coregate.plugin.sim.LedgerException;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.SimRequest;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The examplebank API (the plugin's README) simulated with the kit: customers, balances, postings under an
 * {@code Idempotency-Key} (a repeated key answers its first booking again, without booking), posting status and health,
 * behind a bearer token. Each {@link #start} makes a new bank; {@link #main} runs one until the process is stopped.
 * Stateless.
 */
public final class ExampleBankSimulator {

    /** The API token the simulated bank accepts. */
    public static final String TOKEN = "examplebank-token";
    /** The bank's float account (the tenant's disbursement account), funded with {@link #FLOAT_FUNDS}. */
    public static final String FLOAT = "EB-FLOAT";
    /** The account outbound debits are paid into (the tenant's collection account). */
    public static final String COLLECTION = "EB-COLLECT";
    /** What the float account holds at the start. */
    public static final BigDecimal FLOAT_FUNDS = new BigDecimal("1000000");
    /** The largest single posting; above it the bank answers {@code LIMIT_EXCEEDED}. */
    public static final BigDecimal POSTING_LIMIT = new BigDecimal("100000");
    /** The route postings are booked through (where faults are injected). */
    public static final String TRANSFERS = "POST /v1/transfers";
    /** The route of party lookups. */
    public static final String PARTIES = "GET /v1/parties/{idType}/{idValue}";

    private static final System.Logger LOG = System.getLogger(ExampleBankSimulator.class.getName());

    /**
     * A customer of the simulated bank.
     *
     * @param msisdn    the customer's MSISDN
     * @param accountNo the account behind it
     * @param firstName given name
     * @param lastName  family name
     * @param balance   the opening balance in ZMW
     * @param status    ACTIVE or BLOCKED
     */
    public record Customer(String msisdn, String accountNo, String firstName, String lastName, String balance, String status) {
    }

    /** Alice, the payer of the contract suite. */
    public static final Customer ALICE = new Customer("260971000001", "EB-0001", "Alice", "Banda", "5000", "ACTIVE");
    /** Bob, the payee. */
    public static final Customer BOB = new Customer("260971000002", "EB-0002", "Bob", "Phiri", "100", "ACTIVE");
    /** Carol, whose account is blocked. */
    public static final Customer CAROL = new Customer("260971000003", "EB-0003", "Carol", "Mwale", "50", "BLOCKED");

    private static final Map<String, Customer> CUSTOMERS = Map.of(ALICE.msisdn(), ALICE, BOB.msisdn(), BOB, CAROL.msisdn(), CAROL);

    private ExampleBankSimulator() {
    }

    /** Runs a simulated bank on a random port until the process is stopped, logging its address. */
    public static void main(String[] args) throws InterruptedException {
        Simulator bank = start();
        Runtime.getRuntime().addShutdownHook(new Thread(bank::close));
        LOG.log(System.Logger.Level.INFO, "examplebank simulator listening at " + bank.baseUri());
        Thread.currentThread().join();
    }

    /** A new simulated bank on a random loopback port. */
    public static Simulator start() {
        Simulator sim = Simulator.start().requireBearer(TOKEN).duplicates(DuplicatePolicy.REPLAY);
        sim.ledger().open(FLOAT, "ZMW", FLOAT_FUNDS);
        sim.ledger().open(COLLECTION, "ZMW", BigDecimal.ZERO);
        CUSTOMERS.values().forEach(c -> sim.ledger().open(c.accountNo(), "ZMW", new BigDecimal(c.balance())));
        sim.route("GET", "/v1/health", (request, ledger) -> SimResponse.ok(Map.of("status", "UP")));
        sim.route("GET", "/v1/parties/{idType}/{idValue}", (request, ledger) -> customer(request)
                .map(c -> SimResponse.ok(Map.of("accountNo", c.accountNo(), "firstName", c.firstName(), "lastName", c.lastName(),
                        "currency", ledger.currency(c.accountNo()), "status", c.status())))
                .orElse(SimResponse.of(404, error("NO_SUCH_PARTY", "no customer " + request.param("idType") + "/"
                        + request.param("idValue")))));
        sim.route("GET", "/v1/accounts/{accountNo}/balance", (request, ledger) -> balance(request.param("accountNo"), ledger));
        sim.bookingRoute("POST", "/v1/transfers", ExampleBankSimulator::idempotencyKey, (request, ledger) -> post(request, ledger));
        sim.route("GET", "/v1/transfers/{key}", (request, ledger) -> ledger.postings(request.param("key")).stream().findFirst()
                .map(p -> SimResponse.ok(posting(p)))
                .orElse(SimResponse.of(404, error("NO_SUCH_TRANSFER", "no posting under key " + request.param("key")))));
        return sim;
    }

    /** The bank's error answer for each failure kind the adapter maps. */
    public static SimResponse errorFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> SimResponse.of(404, error("NO_SUCH_ACCOUNT", "no such account"));
            case BLOCKED -> SimResponse.of(422, error("ACCOUNT_BLOCKED", "account is blocked"));
            case INSUFFICIENT_FUNDS -> SimResponse.of(422, error("INSUFFICIENT_FUNDS", "the account cannot cover the amount"));
            case LIMIT_EXCEEDED -> SimResponse.of(422, error("LIMIT_EXCEEDED", "above the posting limit"));
            case UNSUPPORTED_CURRENCY -> SimResponse.of(422, error("CURRENCY_MISMATCH", "the account does not hold this currency"));
            case UNAVAILABLE -> SimResponse.of(503, error("SERVICE_DOWN", "maintenance"));
            case TIMEOUT, REJECTED -> SimResponse.of(422, error("RULE_VIOLATION", "refused by a business rule"));
        };
    }

    private static SimResponse post(SimRequest request, Ledger ledger) {
        String key = idempotencyKey(request);
        if (key.isEmpty()) {
            return SimResponse.of(400, error("MISSING_IDEMPOTENCY_KEY", "the Idempotency-Key header is required"));
        }
        String from = request.text("debitAccount").orElse("");
        String to = request.text("creditAccount").orElse("");
        if (isBlocked(from) || isBlocked(to)) {
            return SimResponse.of(422, error("ACCOUNT_BLOCKED", "account is blocked"));
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(request.text("amount").orElse(""));
        } catch (NumberFormatException e) {
            return SimResponse.of(400, error("INVALID_REQUEST", "amount must be a decimal number"));
        }
        if (amount.compareTo(POSTING_LIMIT) > 0) {
            return SimResponse.of(422, error("LIMIT_EXCEEDED", "a posting may move at most " + POSTING_LIMIT.toPlainString()));
        }
        try {
            return SimResponse.of(201, posting(ledger.transfer(key, from, to, amount, request.text("currency").orElse(""))));
        } catch (LedgerException e) {
            return SimResponse.of(e.reason() == LedgerException.Reason.NO_SUCH_ACCOUNT ? 404 : 422, error(e.reason().name(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            return SimResponse.of(400, error("INVALID_REQUEST", e.getMessage()));
        }
    }

    private static SimResponse balance(String accountNo, Ledger ledger) {
        if (!ledger.exists(accountNo)) {
            return SimResponse.of(404, error("NO_SUCH_ACCOUNT", "no account " + accountNo));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("accountNo", accountNo);
        body.put("currency", ledger.currency(accountNo));
        body.put("available", ledger.available(accountNo).toPlainString());
        return SimResponse.ok(body);
    }

    private static String idempotencyKey(SimRequest request) {
        return request.header("Idempotency-Key").orElse("");
    }

    private static Optional<Customer> customer(SimRequest request) {
        return "MSISDN".equals(request.param("idType")) ? Optional.ofNullable(CUSTOMERS.get(request.param("idValue"))) : Optional.empty();
    }

    private static boolean isBlocked(String accountNo) {
        return CUSTOMERS.values().stream().anyMatch(c -> c.accountNo().equals(accountNo) && !"ACTIVE".equals(c.status()));
    }

    private static Map<String, Object> posting(Posting posting) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", posting.id());
        body.put("idempotencyKey", posting.legKey());
        body.put("state", "BOOKED");
        return body;
    }

    private static Map<String, Object> error(String code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }
}
