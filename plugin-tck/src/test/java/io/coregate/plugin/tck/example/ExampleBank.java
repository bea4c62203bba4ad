package io.coregate.plugin.tck.example;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.LedgerException;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator of the example bank's JSON API, built from the kit: parties, balances, transfers by reference (the
 * leg key), transfer status and health, behind a bearer token. Stateless; each {@link #start} makes a new bank.
 */
final class ExampleBank {

    static final String TOKEN = "example-token";
    static final String FLOAT = "EX-FLOAT";
    static final String COLLECTION = "EX-COLLECT";
    static final String TRANSFERS = "POST /transfers";
    static final String PARTIES = "GET /parties/{idType}/{idValue}";

    private record Customer(String accountNo, String firstName, String lastName, String status) {
    }

    private static final Map<String, Customer> CUSTOMERS = Map.of(
            "MSISDN/260971000001", new Customer("EX-0001", "Alice", "Banda", "ACTIVE"),
            "MSISDN/260971000002", new Customer("EX-0002", "Bob", "Phiri", "ACTIVE"),
            "MSISDN/260971000003", new Customer("EX-0003", "Carol", "Mwale", "BLOCKED"));

    private ExampleBank() {
    }

    static Simulator start(DuplicatePolicy duplicates) {
        Simulator sim = Simulator.start().requireBearer(TOKEN)
                .duplicates(duplicates, SimResponse.of(409, error("DUPLICATE_REFERENCE", "reference already used")));
        sim.ledger().open(FLOAT, "ZMW", BigDecimal.ZERO, new BigDecimal("1000000"));
        sim.ledger().open(COLLECTION, "ZMW", BigDecimal.ZERO);
        sim.ledger().open("EX-0001", "ZMW", new BigDecimal("5000"));
        sim.ledger().open("EX-0002", "ZMW", new BigDecimal("100"));
        sim.ledger().open("EX-0003", "ZMW", new BigDecimal("50"));
        sim.route("GET", "/parties/{idType}/{idValue}", (request, ledger) -> {
            Customer customer = CUSTOMERS.get(request.param("idType") + "/" + request.param("idValue"));
            if (customer == null) {
                return SimResponse.of(404, error("NO_SUCH_PARTY", "no customer " + request.param("idValue")));
            }
            return SimResponse.ok(Map.of("accountNo", customer.accountNo(), "firstName", customer.firstName(),
                    "lastName", customer.lastName(), "currency", ledger.currency(customer.accountNo()), "status", customer.status()));
        });
        sim.route("GET", "/accounts/{accountNo}/balance", (request, ledger) -> {
            String accountNo = request.param("accountNo");
            if (!ledger.exists(accountNo)) {
                return SimResponse.of(404, error("NO_SUCH_ACCOUNT", "no account " + accountNo));
            }
            return SimResponse.ok(Map.of("accountNo", accountNo, "available", ledger.available(accountNo).toPlainString(),
                    "currency", ledger.currency(accountNo)));
        });
        sim.bookingRoute("POST", "/transfers", request -> request.text("reference").orElse(""), (request, ledger) -> {
            String from = request.text("debit").orElse("");
            if (isBlocked(from) || isBlocked(request.text("credit").orElse(""))) {
                return SimResponse.of(422, error("ACCOUNT_BLOCKED", "account is blocked"));
            }
            try {
                Posting posting = ledger.transfer(request.text("reference").orElseThrow(), from, request.text("credit").orElse(""),
                        new BigDecimal(request.text("amount").orElse("0")), request.text("currency").orElse(""));
                return SimResponse.of(201, Map.of("id", posting.id(), "state", "BOOKED"));
            } catch (LedgerException e) {
                return SimResponse.of(422, error(e.reason().name(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                return SimResponse.of(400, error("INVALID_REQUEST", e.getMessage()));
            }
        });
        sim.route("GET", "/transfers/{reference}", (request, ledger) -> ledger.postings(request.param("reference")).stream()
                .findFirst()
                .map(p -> SimResponse.ok(Map.of("id", p.id(), "state", "BOOKED")))
                .orElse(SimResponse.of(404, error("NO_SUCH_TRANSFER", "no transfer " + request.param("reference")))));
        sim.route("GET", "/health", (request, ledger) -> SimResponse.ok(Map.of("status", "UP")));
        return sim;
    }

    /** The bank's error body for each failure kind the adapter claims. */
    static SimResponse errorFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> SimResponse.of(404, error("NO_SUCH_ACCOUNT", "no such account"));
            case BLOCKED -> SimResponse.of(422, error("ACCOUNT_BLOCKED", "account is blocked"));
            case INSUFFICIENT_FUNDS -> SimResponse.of(422, error("INSUFFICIENT_FUNDS", "cannot cover"));
            case LIMIT_EXCEEDED -> SimResponse.of(422, error("LIMIT_EXCEEDED", "daily limit"));
            case UNSUPPORTED_CURRENCY -> SimResponse.of(422, error("CURRENCY_MISMATCH", "wrong currency"));
            case UNAVAILABLE -> SimResponse.of(503, error("SERVICE_DOWN", "maintenance"));
            case TIMEOUT, REJECTED -> SimResponse.of(422, error("RULE_VIOLATION", "refused by a business rule"));
        };
    }

    private static boolean isBlocked(String accountNo) {
        return CUSTOMERS.values().stream().anyMatch(c -> c.accountNo().equals(accountNo) && !c.status().equals("ACTIVE"));
    }

    private static Map<String, Object> error(String code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }
}
