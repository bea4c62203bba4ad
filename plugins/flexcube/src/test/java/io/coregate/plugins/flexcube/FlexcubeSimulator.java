package io.coregate.plugins.flexcube;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coregate.plugin.sim.DuplicatePolicy;
import io.coregate.plugin.sim.Fault;
import io.coregate.plugin.sim.Hold;
import io.coregate.plugin.sim.Ledger;
import io.coregate.plugin.sim.LedgerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A simulated Oracle FLEXCUBE UBS gateway (the SOAP shapes of the plugin's README) on the simulator kit's {@link Ledger}
 * and {@link Fault}s: {@code FCUBSAccService} (QueryCustAcc, QueryAccBal, CreateAmtBlk, CloseAmtBlk, QueryAmtBlk),
 * {@code FCUBSCustomerService} (QueryCustomer) and {@code FCUBSRTService} (CreateTransaction, QueryTransaction,
 * ReverseTransaction), each at {@code POST /<Service>/<Service>}. Refusals are {@code MSGSTAT FAILURE} with
 * {@code FCUBS_ERROR_RESP/ERROR[ECODE, EDESC]} inside an HTTP 200, as FCUBS answers them.
 *
 * <p>Switches: what a repeated XREF meets ({@link DuplicatePolicy#REFUSE}: {@code RT-XREF-01}; {@link DuplicatePolicy#BOOK_TWICE}:
 * booked again, as a gateway without the check does), maker-checker (transactions stay unauthorised until the next
 * query authorises them, as a checker would), HTTP Basic, and the business date (reversals only on the transaction's day).
 * Faults are injected per operation ({@code "FCUBSRTService.CreateTransaction"}); {@link Fault.Answer} with a JSON body
 * {@code {"ECODE": ...}} answers that FCUBS error. Thread-safe.
 */
public final class FlexcubeSimulator implements AutoCloseable {

    /** A customer with one account. */
    public record Customer(String customerNo, String accountNo, String msisdn, String firstName, String lastName, String dob,
                           BigDecimal opening, Set<String> flags) {
    }

    /** One request received: the operation ({@code Service.Operation}), its body, the HTTP status answered (-1: dropped). */
    public record Call(String operation, String body, int status, String fault) {
    }

    /** One retail teller transaction as the simulator booked it. */
    public record Txn(String fccref, String xref, String product, String txnAcc, String offsetAcc, String currency, BigDecimal amount,
                      String narrative, LocalDate date, String authStat, String txnStat) {
    }

    /** One amount block. */
    public record Block(String number, String account, String reference, BigDecimal amount, String holdId, String status) {
    }

    public static final String BRANCH = "000";
    public static final String SOURCE = "COREGATE";
    public static final String USER = "COREGATE_GW";
    public static final String CREDIT_PRODUCT = "MJCR";
    public static final String DEBIT_PRODUCT = "MJDR";
    public static final String FLOAT = "000ZMWMJFLT001";
    public static final String COLLECTION = "000ZMWMJCOL001";
    public static final Customer ALICE = new Customer("000100201", "0001002010001", "260971000001", "Alice", "Banda", "1990-04-01",
            new BigDecimal("10000"), Set.of());
    public static final Customer BOB = new Customer("000100202", "0001002020001", "260971000002", "Bob", "Phiri", "1985-11-23",
            new BigDecimal("100"), Set.of());
    public static final Customer CAROL = new Customer("000100203", "0001002030001", "260971000003", "Carol", "Mwale", "1979-02-14",
            new BigDecimal("500"), Set.of("NOCR", "NODR"));
    public static final Customer DAVE = new Customer("000100204", "0001002040001", "260971000004", "Dave", "Zulu", "1970-07-07",
            new BigDecimal("500"), Set.of("DORM"));
    public static final String CREATE = "FCUBSRTService.CreateTransaction";
    public static final String QUERY = "FCUBSRTService.QueryTransaction";
    public static final String REVERSE = "FCUBSRTService.ReverseTransaction";
    public static final String ACCOUNT = "FCUBSAccService.QueryCustAcc";
    public static final String BALANCE = "FCUBSAccService.QueryAccBal";
    public static final String CREATE_BLOCK = "FCUBSAccService.CreateAmtBlk";
    public static final String CLOSE_BLOCK = "FCUBSAccService.CloseAmtBlk";
    public static final String CUSTOMER = "FCUBSCustomerService.QueryCustomer";
    /** The largest amount one transaction may move (RT-LIM-01 beyond). */
    public static final BigDecimal LIMIT = new BigDecimal("1000000");

    private static final List<Customer> CUSTOMERS = List.of(ALICE, BOB, CAROL, DAVE);
    private static final System.Logger LOG = System.getLogger(FlexcubeSimulator.class.getName());

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Ledger ledger = new Ledger();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Txn> txns = new ArrayList<>();
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Map<String, Customer> accounts = new HashMap<>();
    private int sequence;
    private volatile DuplicatePolicy duplicates = DuplicatePolicy.REFUSE;
    private volatile boolean makerChecker;
    private volatile boolean warnings;
    private volatile Optional<String> basic = Optional.empty();
    private volatile LocalDate businessDate = LocalDate.now(ZoneOffset.UTC);

    private FlexcubeSimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        for (Customer c : CUSTOMERS) {
            ledger.open(c.accountNo(), "ZMW", c.opening());
            accounts.put(c.accountNo(), c);
        }
        ledger.open(FLOAT, "ZMW", new BigDecimal("1000000"), new BigDecimal("1000000000"));
        ledger.open(COLLECTION, "ZMW", BigDecimal.ZERO);
    }

    /** Starts a simulated gateway without HTTP authentication, refusing repeated XREFs. */
    public static FlexcubeSimulator start() {
        try {
            var simulator = new FlexcubeSimulator();
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the FLEXCUBE simulator", e);
        }
    }

    /** Starts one requiring HTTP Basic with these credentials. */
    public static FlexcubeSimulator startBasic(String user, String password) {
        FlexcubeSimulator simulator = start();
        simulator.basic = Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return simulator;
    }

    /** Runs the simulator on its own (for trying the plugin in a running gateway). */
    public static void main(String[] args) throws InterruptedException {
        FlexcubeSimulator simulator = start();
        LOG.log(System.Logger.Level.INFO, "flexcube simulator listening at " + simulator.baseUri());
        simulator.closed.await();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** What a repeated XREF meets. */
    public FlexcubeSimulator duplicates(DuplicatePolicy policy) {
        this.duplicates = policy;
        return this;
    }

    /** Whether transactions wait for a checker (authorised by the next query that reads them). */
    public FlexcubeSimulator makerChecker(boolean on) {
        this.makerChecker = on;
        return this;
    }

    /** Whether transactions are answered MSGSTAT WARNING with an override warning (booked all the same). */
    public FlexcubeSimulator warnings(boolean on) {
        this.warnings = on;
        return this;
    }

    /** The bank's business date (reversals are refused for transactions of another day). */
    public FlexcubeSimulator businessDate(LocalDate date) {
        this.businessDate = date;
        return this;
    }

    /** Makes the next {@code times} requests of the operation ({@code "FCUBSRTService.CreateTransaction"}) meet the fault. */
    public void inject(String operation, Fault fault, int times) {
        synchronized (faults) {
            Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** Makes the next request of the operation answer this FCUBS error inside a 200. */
    public void injectError(String operation, String ecode) {
        inject(operation, Fault.answer(io.coregate.plugin.sim.SimResponse.ok(Map.of("ECODE", ecode))), 1);
    }

    /** The books. */
    public Ledger ledger() {
        return ledger;
    }

    /** The requests received, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests of one operation. */
    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** The transactions whose narrative names the transfer. */
    public List<Txn> transactions(String transferId) {
        synchronized (ledger) {
            return txns.stream().filter(t -> t.narrative().contains(transferId)).toList();
        }
    }

    /** Every transaction. */
    public List<Txn> transactions() {
        synchronized (ledger) {
            return List.copyOf(txns);
        }
    }

    /** Every amount block. */
    public List<Block> blocks() {
        synchronized (ledger) {
            return List.copyOf(blocks.values());
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SimXml.El message;
        try {
            message = SimXml.message(body);
        } catch (Exception e) {
            calls.add(new Call("-", body, 500, ""));
            respond(exchange, 500, SimXml.fault("not a SOAP envelope: " + e.getMessage()));
            return;
        }
        SimXml.El header = message.child("FCUBS_HEADER").orElse(new SimXml.El("FCUBS_HEADER", "", "", List.of()));
        String service = header.text("SERVICE");
        String operation = service + "." + header.text("OPERATION");
        String path = exchange.getRequestURI().getPath();
        Optional<Fault> fault = takeFault(operation);
        String faultName = fault.map(f -> f.getClass().getSimpleName()).orElse("");
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Fault.Hang hang -> {
                    await(TimeUnit.MINUTES.toMillis(10));
                    calls.add(new Call(operation, body, -1, faultName));
                    exchange.close();
                    return;
                }
                case Fault.Latency latency -> await(latency.delay().toMillis());
                case Fault.ServerErrorBeforeBooking error -> {
                    calls.add(new Call(operation, body, 503, faultName));
                    respond(exchange, 503, SimXml.fault("simulated outage"));
                    return;
                }
                case Fault.ExpiredToken expired -> {
                    calls.add(new Call(operation, body, 401, faultName));
                    respond(exchange, 401, "");
                    return;
                }
                case Fault.ErrorIn200 error -> {
                    calls.add(new Call(operation, body, 200, faultName));
                    respond(exchange, 200, reply(message, header, Map.of(), List.of(error("RT-GEN-01", "simulated refusal inside a 200"))));
                    return;
                }
                case Fault.Answer answer -> {
                    String code = answer.response().body().path("ECODE").asText("RT-GEN-01");
                    calls.add(new Call(operation, body, 200, faultName));
                    respond(exchange, 200, reply(message, header, Map.of(), List.of(error(code, "simulated " + code))));
                    return;
                }
                case Fault.DropAfterBooking drop -> {
                    // answered below, after booking
                }
                case Fault.BookThenHang held -> {
                    // booked below, then the answer is dropped as for DropAfterBooking (this simulator holds no answers)
                }
            }
        }
        if (basic.isPresent() && !basic.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            calls.add(new Call(operation, body, 401, faultName));
            respond(exchange, 401, "");
            return;
        }
        String answer;
        if (!path.equals("/" + service + "/" + service) || !message.name().endsWith("_REQ")) {
            answer = reply(message, header, Map.of(), List.of(error("GW-SVC-01", "no service " + service + " at " + path)));
        } else if (header.text("SOURCE").isBlank() || header.text("USERID").isBlank() || header.text("BRANCH").isBlank()
                || header.text("MSGID").isBlank() || header.text("UBSCOMP").isBlank()) {
            answer = reply(message, header, Map.of(), List.of(error("GW-HDR-01", "FCUBS_HEADER needs SOURCE, UBSCOMP, MSGID, USERID, BRANCH")));
        } else {
            SimXml.El request = message.child("FCUBS_BODY").orElse(new SimXml.El("FCUBS_BODY", "", "", List.of()));
            try {
                answer = handle(operation, message, header, request);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "flexcube simulator failed on " + operation, e);
                calls.add(new Call(operation, body, 500, faultName));
                respond(exchange, 500, SimXml.fault("simulator failed: " + e));
                return;
            }
        }
        if (fault.orElse(null) instanceof Fault.DropAfterBooking || fault.orElse(null) instanceof Fault.BookThenHang) {
            calls.add(new Call(operation, body, -1, faultName));
            exchange.close();
            return;
        }
        calls.add(new Call(operation, body, 200, faultName));
        respond(exchange, 200, answer);
    }

    private String handle(String operation, SimXml.El message, SimXml.El header, SimXml.El request) {
        return switch (operation) {
            case ACCOUNT -> queryAccount(message, header, request);
            case CUSTOMER -> queryCustomer(message, header, request);
            case BALANCE -> queryBalance(message, header, request);
            case CREATE_BLOCK -> createBlock(message, header, request);
            case CLOSE_BLOCK -> closeBlock(message, header, request);
            case "FCUBSAccService.QueryAmtBlk" -> queryBlocks(message, header, request);
            case CREATE -> createTransaction(message, header, request);
            case QUERY -> queryTransaction(message, header, request);
            case REVERSE -> reverse(message, header, request);
            default -> reply(message, header, Map.of(), List.of(error("GW-OPR-01", "no operation " + operation)));
        };
    }

    private String queryAccount(SimXml.El message, SimXml.El header, SimXml.El request) {
        String acc = request.child("Cust-Account-IO").map(a -> a.text("ACC")).orElse("");
        synchronized (ledger) {
            if (!ledger.exists(acc)) {
                return reply(message, header, Map.of(), List.of(error("AC-ACC-01", "account " + acc + " does not exist")));
            }
            Optional<Customer> customer = Optional.ofNullable(accounts.get(acc));
            var account = new LinkedHashMap<String, Object>();
            account.put("BRN", BRANCH);
            account.put("ACC", acc);
            account.put("CUSTNO", customer.map(Customer::customerNo).orElse(""));
            account.put("CCY", ledger.currency(acc));
            account.put("ACCLS", customer.isPresent() ? "SAVING" : "GL");
            account.put("ADESC", customer.map(c -> c.firstName() + " " + c.lastName()).orElse("CoreGate " + acc));
            for (String flag : List.of("DORM", "FROZEN", "NODR", "NOCR")) {
                account.put(flag, customer.map(c -> c.flags().contains(flag) ? "Y" : "N").orElse("N"));
            }
            account.put("RECORD_STAT", "O");
            account.put("AUTH_STAT", "A");
            return reply(message, header, Map.of("Cust-Account-Full", account), List.of());
        }
    }

    private String queryCustomer(SimXml.El message, SimXml.El header, SimXml.El request) {
        String number = request.child("Customer-IO").map(c -> c.text("CUSTNO")).orElse("");
        Optional<Customer> found = CUSTOMERS.stream().filter(c -> c.customerNo().equals(number)).findFirst();
        if (found.isEmpty()) {
            return reply(message, header, Map.of(), List.of(error("CS-CUS-01", "customer " + number + " does not exist")));
        }
        Customer c = found.get();
        var customer = new LinkedHashMap<String, Object>();
        customer.put("CUSTNO", c.customerNo());
        customer.put("CTYPE", "I");
        customer.put("FULLNAME", c.firstName() + " " + c.lastName());
        customer.put("SNAME", c.lastName().toUpperCase(java.util.Locale.ROOT) + c.customerNo().substring(6));
        customer.put("LBRN", BRANCH);
        customer.put("FROZEN", "N");
        customer.put("Custpersonal", Map.of("FSTNAME", c.firstName(), "LSTNAME", c.lastName(), "DOB", c.dob(), "MOBNUM", c.msisdn()));
        return reply(message, header, Map.of("Customer-Full", customer), List.of());
    }

    private String queryBalance(SimXml.El message, SimXml.El header, SimXml.El request) {
        String acc = request.child("ACC-Balance").flatMap(b -> b.child("ACC_BAL")).map(b -> b.text("CUST_AC_NO")).orElse("");
        synchronized (ledger) {
            if (!ledger.exists(acc)) {
                return reply(message, header, Map.of(), List.of(error("AC-ACC-01", "account " + acc + " does not exist")));
            }
            var balance = new LinkedHashMap<String, Object>();
            balance.put("BRANCH_CODE", BRANCH);
            balance.put("CUST_AC_NO", acc);
            balance.put("CCY", ledger.currency(acc));
            balance.put("CURBAL", ledger.balance(acc).toPlainString());
            balance.put("AVLBAL", ledger.available(acc).toPlainString());
            balance.put("BLKAMT", ledger.balance(acc).subtract(ledger.available(acc)).toPlainString());
            return reply(message, header, Map.of("ACC-Balance", Map.of("ACC_BAL", balance)), List.of());
        }
    }

    private String createBlock(SimXml.El message, SimXml.El header, SimXml.El request) {
        SimXml.El io = request.child("Amount-Blocks-IO").orElse(new SimXml.El("", "", "", List.of()));
        String acc = io.text("ACC");
        String reference = io.text("REFERENCE_NO");
        synchronized (ledger) {
            boolean seen = blocks.values().stream().anyMatch(b -> b.reference().equals(reference) && !reference.isEmpty());
            if (duplicates == DuplicatePolicy.REFUSE && seen) {
                return reply(message, header, Map.of(), List.of(error("AC-BLK-03", "a block with reference " + reference + " exists")));
            }
            Optional<String> refused = refusal(acc, "NODR");
            if (refused.isPresent()) {
                return reply(message, header, Map.of(), List.of(error(refused.get(), "account " + acc + " cannot be blocked")));
            }
            Hold hold;
            try {
                hold = ledger.hold(reference, acc, new BigDecimal(io.text("AMT")), ledger.exists(acc) ? ledger.currency(acc) : "ZMW");
            } catch (LedgerException e) {
                return reply(message, header, Map.of(), List.of(error(code(e), e.getMessage())));
            }
            String number = BRANCH + "AB" + String.format("%011d", ++sequence);
            blocks.put(number, new Block(number, acc, reference, hold.amount(), hold.id(), "O"));
            return reply(message, header, Map.of("Amount-Blocks-Full", block(blocks.get(number))), List.of());
        }
    }

    private String closeBlock(SimXml.El message, SimXml.El header, SimXml.El request) {
        String number = request.child("Amount-Blocks-IO").map(b -> b.text("AMTBLKNO")).orElse("");
        synchronized (ledger) {
            Block block = blocks.get(number);
            if (block == null) {
                return reply(message, header, Map.of(), List.of(error("AC-BLK-01", "no amount block " + number)));
            }
            if (block.status().equals("C")) {
                return reply(message, header, Map.of(), List.of(error("AC-BLK-02", "amount block " + number + " is closed")));
            }
            ledger.release(block.holdId());
            blocks.put(number, new Block(number, block.account(), block.reference(), block.amount(), block.holdId(), "C"));
            return reply(message, header, Map.of("Amount-Blocks-Full", block(blocks.get(number))), List.of());
        }
    }

    private String queryBlocks(SimXml.El message, SimXml.El header, SimXml.El request) {
        String acc = request.child("Amount-Blocks-IO").map(b -> b.text("ACC")).orElse("");
        synchronized (ledger) {
            if (!ledger.exists(acc)) {
                return reply(message, header, Map.of(), List.of(error("AC-ACC-01", "account " + acc + " does not exist")));
            }
            List<Map<String, Object>> found = blocks.values().stream().filter(b -> b.account().equals(acc)).map(FlexcubeSimulator::block).toList();
            return reply(message, header, found.isEmpty() ? Map.of() : Map.of("Amount-Blocks-Full", found), List.of());
        }
    }

    private String createTransaction(SimXml.El message, SimXml.El header, SimXml.El request) {
        SimXml.El t = request.child("Transaction-Details").orElse(new SimXml.El("", "", "", List.of()));
        String xref = t.text("XREF");
        synchronized (ledger) {
            Optional<Txn> earlier = txns.stream().filter(x -> x.xref().equals(xref)).findFirst();
            if (earlier.isPresent() && duplicates == DuplicatePolicy.REFUSE) {
                return reply(message, header, Map.of(), List.of(error("RT-XREF-01", "external reference " + xref + " already exists")));
            }
            if (earlier.isPresent() && duplicates == DuplicatePolicy.REPLAY) {
                return reply(message, header, Map.of("Transaction-Details", details(earlier.get())), List.of());
            }
            if (xref.isBlank() || !Set.of(CREDIT_PRODUCT, DEBIT_PRODUCT).contains(t.text("PRD"))) {
                return reply(message, header, Map.of(), List.of(error("RT-PRD-01", "XREF and a valid product are required")));
            }
            BigDecimal amount = new BigDecimal(t.text("TXNAMT"));
            if (amount.compareTo(LIMIT) > 0) {
                return reply(message, header, Map.of(), List.of(error("RT-LIM-01", "amount beyond the product's limit")));
            }
            Optional<String> refused = refusal(t.text("TXNACC"), "NODR").or(() -> refusal(t.text("OFFSETACC"), "NOCR"));
            if (refused.isPresent()) {
                return reply(message, header, Map.of(), List.of(error(refused.get(), "account restriction")));
            }
            var txn = new Txn(BRANCH + t.text("PRD") + String.format("%05d%04d", businessDate.getDayOfYear() + (businessDate.getYear() % 100) * 1000,
                    ++sequence % 10000), xref, t.text("PRD"), t.text("TXNACC"), t.text("OFFSETACC"), t.text("TXNCCY"), amount,
                    t.text("NARRATIVE"), businessDate, makerChecker ? "U" : "A", "P");
            if (!makerChecker) {
                try {
                    ledger.transfer(xref, txn.txnAcc(), txn.offsetAcc(), amount, txn.currency());
                } catch (LedgerException e) {
                    return reply(message, header, Map.of(), List.of(error(code(e), e.getMessage())));
                }
            }
            txns.add(txn);
            var answer = new LinkedHashMap<String, Object>();
            answer.put("Transaction-Details", details(txn));
            if (warnings) {
                answer.put("FCUBS_WARNING_RESP", Map.of("WARNING", List.of(Map.of("WCODE", "RT-OVD-W01", "WDESC", "override accepted"))));
            }
            return reply(message, header, answer, List.of());
        }
    }

    private String queryTransaction(SimXml.El message, SimXml.El header, SimXml.El request) {
        SimXml.El io = request.child("Transaction-Details-IO").orElse(new SimXml.El("", "", "", List.of()));
        synchronized (ledger) {
            Optional<Txn> found = txns.stream().filter(x -> io.text("FCCREF").isEmpty() || x.fccref().equals(io.text("FCCREF")))
                    .filter(x -> io.text("XREF").isEmpty() || x.xref().equals(io.text("XREF")))
                    .filter(x -> !io.text("FCCREF").isEmpty() || !io.text("XREF").isEmpty()).findFirst();
            if (found.isEmpty()) {
                return reply(message, header, Map.of(), List.of(error("RT-TXN-01", "no such transaction")));
            }
            Txn txn = found.get();
            if (txn.authStat().equals("U")) {
                txn = authorise(txn);
            }
            return reply(message, header, Map.of("Transaction-Details", details(txn)), List.of());
        }
    }

    private String reverse(SimXml.El message, SimXml.El header, SimXml.El request) {
        String fccref = request.child("Transaction-Details-IO").map(t -> t.text("FCCREF")).orElse("");
        synchronized (ledger) {
            Optional<Txn> found = txns.stream().filter(x -> x.fccref().equals(fccref)).findFirst();
            if (found.isEmpty()) {
                return reply(message, header, Map.of(), List.of(error("RT-TXN-01", "no transaction " + fccref)));
            }
            Txn txn = found.get();
            if (txn.txnStat().equals("V")) {
                return reply(message, header, Map.of(), List.of(error("RT-REV-01", "transaction " + fccref + " is already reversed")));
            }
            if (!txn.date().equals(businessDate) || txn.authStat().equals("U")) {
                return reply(message, header, Map.of(), List.of(error("RT-REV-02", "only an authorised transaction of today can be reversed")));
            }
            try {
                ledger.transfer("REV-" + fccref, txn.offsetAcc(), txn.txnAcc(), txn.amount(), txn.currency());
            } catch (LedgerException e) {
                return reply(message, header, Map.of(), List.of(error(code(e), e.getMessage())));
            }
            Txn reversed = replace(txn, txn.authStat(), "V");
            return reply(message, header, Map.of("Transaction-Details", details(reversed)), List.of());
        }
    }

    /** The checker authorises: the transaction books now (or is rejected when it no longer can). */
    private Txn authorise(Txn txn) {
        try {
            ledger.transfer(txn.xref(), txn.txnAcc(), txn.offsetAcc(), txn.amount(), txn.currency());
            return replace(txn, "A", "P");
        } catch (LedgerException e) {
            return replace(txn, "A", "V");
        }
    }

    private Txn replace(Txn txn, String authStat, String txnStat) {
        var updated = new Txn(txn.fccref(), txn.xref(), txn.product(), txn.txnAcc(), txn.offsetAcc(), txn.currency(), txn.amount(),
                txn.narrative(), txn.date(), authStat, txnStat);
        txns.set(txns.indexOf(txn), updated);
        return updated;
    }

    private Optional<String> refusal(String acc, String direction) {
        Customer c = accounts.get(acc);
        if (c == null) {
            return Optional.empty();
        }
        if (c.flags().contains("DORM")) {
            return Optional.of("AC-DORM-01");
        }
        if (c.flags().contains("FROZEN")) {
            return Optional.of("AC-FRZ-01");
        }
        return c.flags().contains(direction) ? Optional.of(direction.equals("NODR") ? "AC-NODR-01" : "AC-NOCR-01") : Optional.empty();
    }

    private static String code(LedgerException e) {
        return switch (e.reason()) {
            case NO_SUCH_ACCOUNT -> "AC-ACC-01";
            case CURRENCY_MISMATCH -> "RT-CCY-01";
            case INSUFFICIENT_FUNDS -> "AC-OVD-01";
            case NO_SUCH_HOLD, HOLD_NOT_OPEN -> "AC-BLK-01";
        };
    }

    private static Map<String, Object> details(Txn t) {
        var details = new LinkedHashMap<String, Object>();
        details.put("XREF", t.xref());
        details.put("FCCREF", t.fccref());
        details.put("PRD", t.product());
        details.put("BRN", BRANCH);
        details.put("TXNACC", t.txnAcc());
        details.put("TXNCCY", t.currency());
        details.put("TXNAMT", t.amount().toPlainString());
        details.put("OFFSETACC", t.offsetAcc());
        details.put("OFFSETCCY", t.currency());
        details.put("OFFSETAMT", t.amount().toPlainString());
        details.put("TXNDATE", t.date().toString());
        details.put("NARRATIVE", t.narrative());
        details.put("AUTHSTAT", t.authStat());
        details.put("TXNSTAT", t.txnStat());
        return details;
    }

    private static Map<String, Object> block(Block b) {
        var block = new LinkedHashMap<String, Object>();
        block.put("ACC", b.account());
        block.put("AMTBLKNO", b.number());
        block.put("AMT", b.amount().toPlainString());
        block.put("ABLKTYPE", "F");
        block.put("REFERENCE_NO", b.reference());
        block.put("STATUS", b.status());
        return block;
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of("ECODE", code, "EDESC", description);
    }

    /** A response: the request's header echoed with MSGSTAT, the body, and the errors (MSGSTAT FAILURE when there are any). */
    private static String reply(SimXml.El message, SimXml.El header, Map<String, Object> body, List<Map<String, Object>> errors) {
        var head = new LinkedHashMap<String, Object>();
        head.put("SOURCE", "FLEXCUBE");
        head.put("UBSCOMP", header.text("UBSCOMP"));
        head.put("MSGID", "SIM" + System.nanoTime());
        head.put("CORRELID", header.text("MSGID"));
        head.put("USERID", header.text("USERID"));
        head.put("BRANCH", header.text("BRANCH"));
        head.put("SERVICE", header.text("SERVICE"));
        head.put("OPERATION", header.text("OPERATION"));
        head.put("DESTINATION", header.text("SOURCE"));
        head.put("MSGSTAT", !errors.isEmpty() ? "FAILURE" : body.containsKey("FCUBS_WARNING_RESP") ? "WARNING" : "SUCCESS");
        var content = new LinkedHashMap<String, Object>();
        content.put("FCUBS_HEADER", head);
        var fcubsBody = new LinkedHashMap<String, Object>(body);
        if (!errors.isEmpty()) {
            fcubsBody.put("FCUBS_ERROR_RESP", Map.of("ERROR", errors));
        }
        content.put("FCUBS_BODY", fcubsBody);
        String root = message.name().replaceAll("_REQ$", "_RES");
        return SimXml.envelope(header.text("SERVICE"), root, content);
    }

    private Optional<Fault> takeFault(String operation) {
        synchronized (faults) {
            Deque<Fault> queue = faults.get(operation);
            return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.removeFirst());
        }
    }

    private void await(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
