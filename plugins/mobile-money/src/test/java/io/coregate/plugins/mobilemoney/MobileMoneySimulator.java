package io.coregate.plugins.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Ledger;
import io.coregate.plugin.sim.LedgerException;
import io.coregate.plugin.sim.Posting;
import io.coregate.plugin.sim.SimRequest;
import io.coregate.plugin.sim.SimResponse;
import io.coregate.plugin.sim.Simulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A GSMA Mobile Money API v1.2 provider simulated with the kit, under {@link #BASE}: account status, name and balance,
 * the heartbeat, transactions by type (disbursement, merchantpay, transfer), reversals, request states, responses and
 * transactions, every error as {@code {errorCategory, errorCode, errorDescription}}, and callbacks (a {@code PUT} of the
 * transaction object, or of the error object, to the request's {@code X-Callback-URL}).
 *
 * <p>How a money request is answered depends on the customer's {@link Mode} (the wallet of the party that is not the
 * operator's): at once ({@code 201}), or {@code 202} with a {@code serverCorrelationId} settled after
 * {@link #settleAfter} and then called back, or only polled, or held for the customer's approval until the test
 * {@link #approve approves}, {@link #decline declines} or {@link #expire expires} it, with callbacks late, twice, before
 * the {@code 202} or never. A reused {@code X-CorrelationID} is refused with {@code duplicateRequest}. Requests need
 * {@code X-API-Key}. Each {@link #start} makes a new provider; {@link #main} runs one until the process is stopped.
 */
public final class MobileMoneySimulator implements AutoCloseable {

    /** The API's base path. */
    public static final String BASE = "/mm/v1.2";
    /** The API key {@link #start()} accepts. */
    public static final String API_KEY = "mm-api-key";
    /** The operator's disbursement wallet (an {@code accountid}). */
    public static final String DISBURSEMENT = "2000001";
    /** The operator's collection wallet (an {@code accountid}). */
    public static final String COLLECTION = "2000002";
    /** The currency of every wallet. */
    public static final String CURRENCY = "ZMW";
    /** The largest single transaction; above it the provider answers {@code greaterThanTransactionMaxValue}. */
    public static final BigDecimal MAX_VALUE = new BigDecimal("100000");
    /** The route money requests are created through (where faults are injected). */
    public static final String TRANSACTIONS = "POST " + BASE + "/transactions/type/{transactionType}";
    /** The route of reversals. */
    public static final String REVERSALS = "POST " + BASE + "/transactions/{transactionReference}/reversals";
    /** The route of account status reads. */
    public static final String STATUS = "GET " + BASE + "/accounts/{identifierType}/{identifier}/status";
    /** The route of account balance reads. */
    public static final String BALANCE = "GET " + BASE + "/accounts/{identifierType}/{identifier}/balance";
    /** The route of request-state reads. */
    public static final String REQUEST_STATES = "GET " + BASE + "/requeststates/{serverCorrelationId}";
    /** The route of response reads. */
    public static final String RESPONSES = "GET " + BASE + "/responses/{clientCorrelationId}";

    private static final System.Logger LOG = System.getLogger(MobileMoneySimulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_FORM = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    /** How the provider answers a customer's money requests. */
    public enum Mode {
        /** {@code 201} with the completed transaction. */
        SYNC,
        /** {@code 202}, settled after {@link #settleAfter}, then one callback. */
        CALLBACK,
        /** {@code 202}, settled after {@link #settleAfter}; never calls back (the client polls). */
        POLLING,
        /** {@code 202}, held until the test approves, declines or expires it; then one callback. */
        APPROVAL,
        /** {@code 202}, settled after {@link #settleAfter}, called back only {@link #lateBy} later. */
        CALLBACK_LATE,
        /** {@code 202}, settled, then called back twice. */
        CALLBACK_TWICE,
        /** Settled and called back before the {@code 202} (still saying pending) is answered. */
        CALLBACK_EARLY,
        /** {@code 202}, settled, and the promised callback never comes. */
        CALLBACK_NEVER
    }

    /**
     * A customer's wallet.
     *
     * @param msisdn    its identifier
     * @param firstName the given name, or empty when the provider holds only a full name
     * @param lastName  the family name, or empty
     * @param fullName  the full name
     * @param balance   the opening balance
     * @param available whether the account can transact ({@code unavailable} otherwise)
     */
    public record Wallet(String msisdn, String firstName, String lastName, String fullName, String balance, boolean available) {
    }

    /** Alice, the payer: names in parts. */
    public static final Wallet ALICE = new Wallet("260961000001", "Alice", "Banda", "Alice Banda", "5000", true);
    /** Bob, the payee: only a full name. */
    public static final Wallet BOB = new Wallet("260961000002", "", "", "Bob Phiri", "100", true);
    /** Carol, whose account is unavailable. */
    public static final Wallet CAROL = new Wallet("260961000003", "Carol", "Mwale", "Carol Mwale", "50", false);
    /** Dave, a second payer. */
    public static final Wallet DAVE = new Wallet("260961000004", "Dave", "Zulu", "Dave Zulu", "5000", true);

    private static final List<Wallet> WALLETS = List.of(ALICE, BOB, CAROL, DAVE);

    /** One money request as the provider keeps it. */
    private static final class Request {
        final String clientId;
        final String serverId = UUID.randomUUID().toString();
        final String transferId;
        final String type;
        final String from;
        final String to;
        final BigDecimal amount;
        final String currency;
        final Optional<String> callbackUrl;
        final Mode mode;
        final Optional<String> reverses;
        volatile String status = "pending";
        volatile String objectReference = "";
        volatile Map<String, Object> error = Map.of();

        Request(String clientId, String transferId, String type, String from, String to, BigDecimal amount, String currency,
                Optional<String> callbackUrl, Mode mode, Optional<String> reverses) {
            this.clientId = clientId;
            this.transferId = transferId;
            this.type = type;
            this.from = from;
            this.to = to;
            this.amount = amount;
            this.currency = currency;
            this.callbackUrl = callbackUrl;
            this.mode = mode;
            this.reverses = reverses;
        }
    }

    /**
     * A callback the provider made.
     *
     * @param subPath     the callback URL's last two path segments ({@code transactions/<leg key>}), never its token
     * @param body        what was sent
     * @param status      what the receiver answered; -1 when it could not be reached
     */
    public record SentCallback(String subPath, String body, int status) {
    }

    private final Simulator simulator;
    private final String apiKey;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final Map<String, Request> byServerId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> transactions = new ConcurrentHashMap<>();
    private final List<SentCallback> callbacks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Mode defaultMode = Mode.CALLBACK;
    private volatile Duration settleAfter = Duration.ofMillis(300);
    private volatile Duration lateBy = Duration.ofMillis(1500);
    private volatile String serviceStatus = "available";

    private MobileMoneySimulator(Simulator simulator, String apiKey) {
        this.simulator = simulator;
        this.apiKey = apiKey;
    }

    /** Runs a simulated provider on a random port until the process is stopped, logging its address. */
    public static void main(String[] args) throws InterruptedException {
        MobileMoneySimulator provider = start();
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        LOG.log(System.Logger.Level.INFO, "mobile money simulator listening at " + provider.baseUrl() + " (X-API-Key " + API_KEY + ")");
        Thread.currentThread().join();
    }

    /** A new provider accepting {@link #API_KEY}. */
    public static MobileMoneySimulator start() {
        return start(API_KEY);
    }

    /** A new provider accepting exactly this {@code X-API-Key}. */
    public static MobileMoneySimulator start(String apiKey) {
        Simulator simulator = Simulator.start();
        var provider = new MobileMoneySimulator(simulator, apiKey);
        Ledger ledger = simulator.ledger();
        ledger.open(DISBURSEMENT, CURRENCY, new BigDecimal("1000000"), new BigDecimal("100000000"));
        ledger.open(COLLECTION, CURRENCY, BigDecimal.ZERO, new BigDecimal("100000000"));
        WALLETS.forEach(w -> ledger.open(w.msisdn(), CURRENCY, new BigDecimal(w.balance())));
        simulator.duplicates(DuplicatePolicy.REFUSE, error(409, "validation", "duplicateRequest", "this X-CorrelationID was used before"));
        provider.routes();
        return provider;
    }

    /** The kit's simulator underneath: its ledger, journal and faults. */
    public Simulator simulator() {
        return simulator;
    }

    /** The API root a tenant names as {@code baseUrl}. */
    public String baseUrl() {
        return simulator.baseUri() + BASE;
    }

    /** How requests of customers without a mode of their own are answered ({@link Mode#CALLBACK} at first). */
    public MobileMoneySimulator defaultMode(Mode mode) {
        this.defaultMode = mode;
        return this;
    }

    /** How this customer's requests are answered. */
    public MobileMoneySimulator mode(String msisdn, Mode mode) {
        modes.put(msisdn, mode);
        return this;
    }

    /** How long a 202 stays pending before the provider settles it (300 ms at first). */
    public MobileMoneySimulator settleAfter(Duration delay) {
        this.settleAfter = delay;
        return this;
    }

    /** How much later than the settlement a {@link Mode#CALLBACK_LATE} callback comes. */
    public MobileMoneySimulator lateBy(Duration delay) {
        this.lateBy = delay;
        return this;
    }

    /** What {@code GET /heartbeat} answers: {@code available}, {@code degraded} or {@code unavailable}. */
    public MobileMoneySimulator serviceStatus(String status) {
        this.serviceStatus = status;
        return this;
    }

    /** The customer approves every request of this transfer held for approval. */
    public void approve(String transferId) {
        held(transferId).forEach(r -> settle(r, true, Map.of()));
    }

    /** The customer declines every request of this transfer held for approval. */
    public void decline(String transferId) {
        held(transferId).forEach(r -> settle(r, false, errorBody("businessRule", "requestDeclined", "the customer declined the request")));
    }

    /** The approval of every held request of this transfer expires. */
    public void expire(String transferId) {
        held(transferId).forEach(r -> settle(r, false, errorBody("businessRule", "requestDeclined",
                "the customer did not authorise the request in time")));
    }

    /** Whether a request of this transfer waits for the customer's approval. */
    public boolean awaitsApproval(String transferId) {
        return !held(transferId).isEmpty();
    }

    /** The callbacks made so far. */
    public List<SentCallback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** The postings of this transfer's requests (its {@code requestingOrganisationTransactionReference}). */
    public List<Posting> postings(String transferId) {
        var keys = requests.values().stream().filter(r -> r.transferId.equals(transferId)).map(r -> r.clientId).toList();
        return simulator.ledger().postings().stream().filter(p -> keys.contains(p.legKey())).toList();
    }

    /** The error answer the adapter should translate to {@code kind}. */
    public static SimResponse errorFor(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> error(404, "identification", "identifierError", "no such account");
            case BLOCKED -> error(400, "businessRule", "incorrectState", "the account cannot transact");
            case INSUFFICIENT_FUNDS -> error(400, "businessRule", "insufficientFunds", "the debit party cannot cover the amount");
            case LIMIT_EXCEEDED -> error(400, "businessRule", "dailyValueLimitExceeded", "the daily value limit would be exceeded");
            case UNSUPPORTED_CURRENCY -> error(400, "validation", "currencyNotSupported", "the currency is not supported");
            case UNAVAILABLE -> error(503, "serviceUnavailable", "genericError", "the service is down for maintenance");
            case TIMEOUT -> error(504, "internal", "genericError", "the upstream system did not answer");
            // Some providers spell the description in lower case.
            case REJECTED -> SimResponse.of(400, Map.of("errorCategory", "businessRule", "errorCode", "requestDeclined",
                    "errordescription", "the request was declined"));
        };
    }

    /** A GSMA error object answer. */
    public static SimResponse error(int status, String category, String code, String description) {
        return SimResponse.of(status, errorBody(category, code, description));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        simulator.close();
        http.close();
    }

    private static Map<String, Object> errorBody(String category, String code, String description) {
        return Map.of("errorCategory", category, "errorCode", code, "errorDescription", description,
                "errorDateTime", Instant.now().toString());
    }

    private void routes() {
        simulator.route("GET", BASE + "/heartbeat", (request, ledger) -> guarded(request, () -> SimResponse.ok(Map.of("serviceStatus",
                serviceStatus))));
        simulator.route("GET", BASE + "/accounts/{identifierType}/{identifier}/status", (request, ledger) -> guarded(request, () ->
                SimResponse.ok(Map.of("accountStatus", wallet(request).map(w -> w.available() ? "available" : "unavailable")
                        .orElse(operatorWallet(request) ? "available" : "unregistered")))));
        simulator.route("GET", BASE + "/accounts/{identifierType}/{identifier}/accountname", (request, ledger) -> guarded(request, () ->
                wallet(request).map(MobileMoneySimulator::name).orElse(error(404, "identification", "identifierError", "no such account"))));
        simulator.route("GET", BASE + "/accounts/{identifierType}/{identifier}/balance", (request, ledger) -> guarded(request, () -> {
            String account = request.param("identifier");
            if (!ledger.exists(account)) {
                return error(404, "identification", "identifierError", "no such account");
            }
            String balance = ledger.available(account).toPlainString();
            return SimResponse.ok(Map.of("accountStatus", "available", "currentBalance", balance, "availableBalance", balance,
                    "reservedBalance", "0", "currency", ledger.currency(account)));
        }));
        simulator.bookingRoute("POST", BASE + "/transactions/type/{transactionType}", MobileMoneySimulator::correlation,
                (request, ledger) -> guarded(request, () -> create(request)));
        simulator.bookingRoute("POST", BASE + "/transactions/{transactionReference}/reversals", MobileMoneySimulator::correlation,
                (request, ledger) -> guarded(request, () -> reverse(request)));
        simulator.route("GET", BASE + "/transactions/{transactionReference}", (request, ledger) -> guarded(request, () ->
                Optional.ofNullable(transactions.get(request.param("transactionReference"))).map(SimResponse::ok)
                        .orElse(error(404, "identification", "identifierError", "no such transaction"))));
        simulator.route("GET", BASE + "/requeststates/{serverCorrelationId}", (request, ledger) -> guarded(request, () ->
                Optional.ofNullable(byServerId.get(request.param("serverCorrelationId"))).map(r -> SimResponse.ok(requestState(r)))
                        .orElse(error(404, "identification", "identifierError", "no such request state"))));
        simulator.route("GET", BASE + "/responses/{clientCorrelationId}", (request, ledger) -> guarded(request, () ->
                Optional.ofNullable(requests.get(request.param("clientCorrelationId"))).map(r -> SimResponse.ok(Map.of("link",
                        r.mode == Mode.SYNC ? "/transactions/" + r.objectReference : "/requeststates/" + r.serverId)))
                        .orElse(error(404, "identification", "identifierError", "no request with this correlation id"))));
    }

    private SimResponse guarded(SimRequest request, java.util.function.Supplier<SimResponse> answer) {
        if (!request.header("x-api-key").equals(Optional.of(apiKey))) {
            return error(401, "authorisation", "clientAuthorisationError", "missing or wrong X-API-Key");
        }
        return answer.get();
    }

    private static String correlation(SimRequest request) {
        return request.header("x-correlationid").orElse(UUID.randomUUID().toString());
    }

    /** {@code POST /transactions/type/{type}}: checks, then books at once or accepts for later. */
    private SimResponse create(SimRequest request) {
        Optional<String> clientId = request.header("x-correlationid").filter(id -> UUID_FORM.matcher(id).matches());
        if (clientId.isEmpty()) {
            return error(400, "validation", "formatError", "X-CorrelationID must be a UUID");
        }
        String type = request.param("transactionType");
        JsonNode body = request.body();
        Optional<String> from = party(body.path("debitParty"));
        Optional<String> to = party(body.path("creditParty"));
        if (from.isEmpty() || to.isEmpty()) {
            return error(404, "identification", "identifierError", "a party is not known");
        }
        for (String account : List.of(from.get(), to.get())) {
            if (WALLETS.stream().anyMatch(w -> w.msisdn().equals(account) && !w.available())) {
                return error(400, "businessRule", "incorrectState", "account " + account + " is unavailable");
            }
        }
        String currency = body.path("currency").asText("");
        if (!CURRENCY.equals(currency)) {
            return error(400, "validation", "currencyNotSupported", "currency " + currency + " is not supported");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(body.path("amount").asText(""));
        } catch (NumberFormatException e) {
            return error(400, "validation", "formatError", "amount must be a decimal string");
        }
        if (amount.compareTo(MAX_VALUE) > 0) {
            return error(400, "businessRule", "greaterThanTransactionMaxValue", "the amount exceeds " + MAX_VALUE);
        }
        String customer = isOperator(from.get()) ? to.get() : from.get();
        var created = new Request(clientId.get(), body.path("requestingOrganisationTransactionReference").asText(""), type, from.get(),
                to.get(), amount, currency, request.header("x-callback-url"), modes.getOrDefault(customer, defaultMode), Optional.empty());
        return accept(created);
    }

    /** {@code POST /transactions/{ref}/reversals}: the original's amount back, answered as the customer's mode says. */
    private SimResponse reverse(SimRequest request) {
        Optional<String> clientId = request.header("x-correlationid").filter(id -> UUID_FORM.matcher(id).matches());
        if (clientId.isEmpty()) {
            return error(400, "validation", "formatError", "X-CorrelationID must be a UUID");
        }
        String reference = request.param("transactionReference");
        Map<String, Object> original = transactions.get(reference);
        if (original == null) {
            return error(404, "identification", "identifierError", "no transaction " + reference);
        }
        if (!"completed".equals(original.get("transactionStatus"))) {
            return error(400, "businessRule", "incorrectState", "transaction " + reference + " is " + original.get("transactionStatus"));
        }
        String from = (String) original.get("to");
        String to = (String) original.get("from");
        String customer = isOperator(from) ? to : from;
        var created = new Request(clientId.get(), request.body().path("requestingOrganisationTransactionReference")
                .asText((String) original.get("requestingOrganisationTransactionReference")), "reversal", from, to,
                new BigDecimal((String) original.get("amount")), (String) original.get("currency"), request.header("x-callback-url"),
                modes.getOrDefault(customer, defaultMode), Optional.of(reference));
        return accept(created);
    }

    private SimResponse accept(Request created) {
        requests.put(created.clientId, created);
        byServerId.put(created.serverId, created);
        switch (created.mode) {
            case SYNC -> {
                settle(created, true, Map.of());
                if (!"completed".equals(created.status)) {
                    requests.remove(created.clientId);
                    byServerId.remove(created.serverId);
                    return SimResponse.of(400, created.error);
                }
                return SimResponse.of(201, transactions.get(created.objectReference));
            }
            case APPROVAL -> {
                // held until the test decides
            }
            case CALLBACK_EARLY -> settle(created, true, Map.of());
            default -> timer.schedule(() -> settle(created, true, Map.of()), settleAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
        var pending = new LinkedHashMap<>(requestState(created));
        pending.put("status", "pending");
        pending.put("objectReference", "");
        return SimResponse.of(202, pending);
    }

    /** Completes (booking the money) or fails a pending request once, then calls back as its mode says. */
    private void settle(Request request, boolean complete, Map<String, Object> failure) {
        Ledger ledger = simulator.ledger();
        synchronized (ledger) {
            if (!"pending".equals(request.status)) {
                return;
            }
            if (complete) {
                try {
                    ledger.transfer(request.clientId, request.from, request.to, request.amount, request.currency);
                    String reference = "MM" + String.format("%010d", sequence.incrementAndGet());
                    transactions.put(reference, transaction(reference, request));
                    request.reverses.ifPresent(original -> transactions.computeIfPresent(original, (k, v) -> {
                        var reversed = new LinkedHashMap<>(v);
                        reversed.put("transactionStatus", "reversed");
                        return reversed;
                    }));
                    request.objectReference = reference;
                    request.status = "completed";
                } catch (LedgerException e) {
                    request.error = e.reason() == LedgerException.Reason.INSUFFICIENT_FUNDS
                            ? errorBody("businessRule", "insufficientFunds", e.getMessage())
                            : errorBody("identification", "identifierError", e.getMessage());
                    request.status = "failed";
                }
            } else {
                request.error = failure;
                request.status = "failed";
            }
        }
        Map<String, Object> body = "completed".equals(request.status) ? transactions.get(request.objectReference) : request.error;
        switch (request.mode) {
            case CALLBACK, APPROVAL, CALLBACK_EARLY -> callBack(request, body);
            case CALLBACK_TWICE -> {
                callBack(request, body);
                callBack(request, body);
            }
            case CALLBACK_LATE -> timer.schedule(() -> callBack(request, body), lateBy.toMillis(), TimeUnit.MILLISECONDS);
            default -> {
                // SYNC, POLLING, CALLBACK_NEVER: no callback
            }
        }
    }

    private void callBack(Request request, Map<String, Object> body) {
        if (request.callbackUrl.isEmpty()) {
            return;
        }
        String url = request.callbackUrl.get();
        String[] segments = URI.create(url).getPath().split("/");
        String subPath = segments.length >= 2 ? segments[segments.length - 2] + "/" + segments[segments.length - 1] : "";
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a callback body that cannot be written", e);
        }
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .header("X-CorrelationID", request.clientId).PUT(HttpRequest.BodyPublishers.ofString(text)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        callbacks.add(new SentCallback(subPath, text, status));
    }

    private List<Request> held(String transferId) {
        return requests.values().stream().filter(r -> r.mode == Mode.APPROVAL && r.transferId.equals(transferId) && "pending".equals(r.status))
                .toList();
    }

    private Map<String, Object> requestState(Request request) {
        var state = new LinkedHashMap<String, Object>();
        state.put("serverCorrelationId", request.serverId);
        state.put("objectReference", request.objectReference);
        state.put("status", request.status);
        state.put("notificationMethod", request.callbackUrl.isPresent() && request.mode != Mode.POLLING ? "callback" : "polling");
        state.put("pollLimit", 100);
        if (!request.error.isEmpty()) {
            state.put("error", request.error);
        }
        return state;
    }

    private static Map<String, Object> transaction(String reference, Request request) {
        var transaction = new LinkedHashMap<String, Object>();
        transaction.put("transactionReference", reference);
        transaction.put("transactionStatus", "completed");
        transaction.put("type", request.type);
        transaction.put("amount", request.amount.toPlainString());
        transaction.put("currency", request.currency);
        transaction.put("requestingOrganisationTransactionReference", request.transferId);
        transaction.put("debitParty", List.of(Map.of("key", "account", "value", request.from)));
        transaction.put("creditParty", List.of(Map.of("key", "account", "value", request.to)));
        transaction.put("creationDate", Instant.now().toString());
        transaction.put("from", request.from);
        transaction.put("to", request.to);
        return transaction;
    }

    private static SimResponse name(Wallet wallet) {
        var name = new LinkedHashMap<String, Object>();
        if (!wallet.firstName().isEmpty()) {
            name.put("firstName", wallet.firstName());
            name.put("lastName", wallet.lastName());
        }
        name.put("fullName", wallet.fullName());
        return SimResponse.ok(Map.of("name", name));
    }

    private static Optional<Wallet> wallet(SimRequest request) {
        String type = request.param("identifierType");
        String id = request.param("identifier");
        return "msisdn".equals(type) ? WALLETS.stream().filter(w -> w.msisdn().equals(id)).findFirst() : Optional.empty();
    }

    private static boolean operatorWallet(SimRequest request) {
        return "accountid".equals(request.param("identifierType")) && isOperator(request.param("identifier"));
    }

    private static boolean isOperator(String account) {
        return DISBURSEMENT.equals(account) || COLLECTION.equals(account);
    }

    /** The ledger account a GSMA party list names: a customer's msisdn, or an operator wallet's accountid. */
    private static Optional<String> party(JsonNode parties) {
        List<String> found = new ArrayList<>();
        parties.forEach(p -> {
            String key = p.path("key").asText("");
            String value = p.path("value").asText("");
            if ("msisdn".equals(key) && WALLETS.stream().anyMatch(w -> w.msisdn().equals(value))) {
                found.add(value);
            } else if ("accountid".equals(key) && isOperator(value)) {
                found.add(value);
            }
        });
        return found.stream().findFirst();
    }
}
