package io.coregate.plugin.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A simulated CBS: a real HTTP server on a random loopback port whose JSON routes work on a {@link Ledger}.
 *
 * <p>Routes are registered by method and path template ({@code "/parties/{idType}/{idValue}"}); a route's name is
 * {@code "METHOD template"} ({@code "POST /transfers"}), used to {@link #inject inject} faults and read the
 * {@link Journal}. A {@link #bookingRoute booking route} names the request's reference (the leg's idempotency key):
 * a reference seen before meets the simulator's {@link DuplicatePolicy}, and booking routes run one at a time.
 * With {@link #requireBearer} set, a request without that bearer token is answered 401.
 *
 * <p>Thread-safety: configure routes before the adapter calls; faults, policy and token may change at any time.
 */
public final class Simulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());

    private record Registered(String name, String method, String[] segments, Route route,
                              Optional<Function<SimRequest, String>> reference) {
    }

    private record Injected(Fault fault, int remaining) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile CountDownLatch held = new CountDownLatch(1);
    private final Ledger ledger = new Ledger();
    private final Journal journal = new Journal();
    private final List<Registered> routes = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Injected>> faults = new ConcurrentHashMap<>();
    private final Map<String, SimResponse> firstAnswers = new HashMap<>();
    private volatile DuplicatePolicy duplicatePolicy = DuplicatePolicy.REFUSE;
    private volatile SimResponse duplicateAnswer = SimResponse.of(409, Map.of("error", "DUPLICATE_REFERENCE"));
    private volatile Optional<String> bearer = Optional.empty();

    private Simulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** Starts an empty simulator on a random port. */
    public static Simulator start() {
        try {
            var simulator = new Simulator();
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulator's HTTP server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Registers a route that books nothing, or books without idempotency of its own. */
    public Simulator route(String method, String template, Route route) {
        return add(method, template, route, Optional.empty());
    }

    /** Registers a route that books under the reference {@code reference} reads from the request. */
    public Simulator bookingRoute(String method, String template, Function<SimRequest, String> reference, Route route) {
        return add(method, template, route, Optional.of(reference));
    }

    /** How booking routes treat a reference seen before; {@code refusal} is the answer under {@link DuplicatePolicy#REFUSE}. */
    public Simulator duplicates(DuplicatePolicy policy, SimResponse refusal) {
        this.duplicatePolicy = policy;
        this.duplicateAnswer = refusal;
        return this;
    }

    /** How booking routes treat a reference seen before (refusing with 409 {@code DUPLICATE_REFERENCE}). */
    public Simulator duplicates(DuplicatePolicy policy) {
        this.duplicatePolicy = policy;
        return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every request. */
    public Simulator requireBearer(String token) {
        this.bearer = Optional.of(token);
        return this;
    }

    /** Makes the next {@code times} requests to a route meet the fault (faults queue in injection order). */
    public void inject(String routeName, Fault fault, int times) {
        if (routes.stream().noneMatch(r -> r.name().equals(routeName))) {
            throw new IllegalArgumentException("no route " + routeName);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive");
        }
        faults.computeIfAbsent(routeName, k -> new ArrayDeque<>());
        synchronized (faults) {
            faults.get(routeName).addLast(new Injected(fault, times));
        }
    }

    /** Drops every injected fault not yet met. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Lets every request held by {@link Fault.BookThenHang} answer; requests meeting it later are held again. */
    public void releaseHeld() {
        CountDownLatch releasing = held;
        held = new CountDownLatch(1);
        releasing.countDown();
    }

    /** The books. */
    public Ledger ledger() {
        return ledger;
    }

    /** The requests received. */
    public Journal journal() {
        return journal;
    }

    /** Stops the server and wakes hanging requests. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private Simulator add(String method, String template, Route route, Optional<Function<SimRequest, String>> reference) {
        String name = method.toUpperCase(Locale.ROOT) + " " + template;
        if (routes.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("route " + name + " is already registered");
        }
        routes.add(new Registered(name, method.toUpperCase(Locale.ROOT), segments(template), route, reference));
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> params = new HashMap<>();
        Optional<Registered> match = routes.stream().filter(r -> matches(r, method, path, params)).findFirst();
        if (match.isEmpty()) {
            journal.add(new Journal.Entry("-", method, path, body, 404, ""));
            respond(exchange, SimResponse.of(404, Map.of("error", "no route for " + method + " " + path)));
            return;
        }
        Registered route = match.get();
        Optional<Fault> fault = takeFault(route.name());
        String faultName = fault.map(f -> f.getClass().getSimpleName()).orElse("");
        SimResponse answer;
        try {
            answer = answer(route, request(exchange, params, body), fault);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "route " + route.name() + " failed", e);
            answer = SimResponse.of(500, Map.of("error", "simulator route failed: " + e.getMessage()));
        }
        if (answer == null) {
            journal.add(new Journal.Entry(route.name(), method, path, body, -1, faultName));
            exchange.close();
            return;
        }
        journal.add(new Journal.Entry(route.name(), method, path, body, answer.status(), faultName));
        respond(exchange, answer);
    }

    /** The answer, or null to drop the connection. */
    private SimResponse answer(Registered route, SimRequest request, Optional<Fault> fault) throws IOException {
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Fault.Latency latency -> sleep(latency.delay().toMillis());
                case Fault.Hang hang -> {
                    sleep(TimeUnit.MINUTES.toMillis(10));
                    return null;
                }
                case Fault.ServerErrorBeforeBooking error -> {
                    return SimResponse.of(503, Map.of("error", "simulated outage"));
                }
                case Fault.ErrorIn200 error -> {
                    return new SimResponse(200, error.errorBody().body());
                }
                case Fault.ExpiredToken expired -> {
                    return SimResponse.of(401, Map.of("error", "token expired"));
                }
                case Fault.Answer canned -> {
                    return canned.response();
                }
                case Fault.DropAfterBooking drop -> {
                    // handled below, after booking
                }
                case Fault.BookThenHang hold -> {
                    // handled below, after booking
                }
            }
        }
        if (bearer.isPresent() && !request.header("authorization").equals(bearer.map(t -> "Bearer " + t))) {
            return SimResponse.of(401, Map.of("error", "missing or wrong bearer token"));
        }
        CountDownLatch release = held;
        SimResponse answer = route.reference().isPresent() ? book(route, request) : route.route().handle(request, ledger);
        if (fault.orElse(null) instanceof Fault.BookThenHang) {
            awaitRelease(release);
        }
        return fault.orElse(null) instanceof Fault.DropAfterBooking ? null : answer;
    }

    private SimResponse book(Registered route, SimRequest request) {
        String key = route.name() + " " + route.reference().get().apply(request);
        synchronized (ledger) {
            SimResponse first = firstAnswers.get(key);
            if (first != null) {
                switch (duplicatePolicy) {
                    case REFUSE -> {
                        return duplicateAnswer;
                    }
                    case REPLAY -> {
                        return first;
                    }
                    case BOOK_TWICE -> {
                        return route.route().handle(request, ledger);
                    }
                }
            }
            SimResponse answer = route.route().handle(request, ledger);
            if (answer.success()) {
                firstAnswers.put(key, answer);
            }
            return answer;
        }
    }

    private Optional<Fault> takeFault(String routeName) {
        synchronized (faults) {
            Deque<Injected> queue = faults.get(routeName);
            if (queue == null || queue.isEmpty()) {
                return Optional.empty();
            }
            Injected head = queue.removeFirst();
            if (head.remaining() > 1) {
                queue.addFirst(new Injected(head.fault(), head.remaining() - 1));
            }
            return Optional.of(head.fault());
        }
    }

    private void sleep(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, outside the ledger's lock, until released or closed (at most ten minutes). */
    private void awaitRelease(CountDownLatch release) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try {
            while (closed.getCount() > 0 && !release.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimRequest request(HttpExchange exchange, Map<String, String> params, String body) throws IOException {
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        var query = new HashMap<String, String>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.putIfAbsent(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        JsonNode json = body.isBlank() ? MissingNode.getInstance() : SimResponse.JSON.readTree(body);
        return new SimRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), params, query, headers, json);
    }

    private static void respond(HttpExchange exchange, SimResponse answer) throws IOException {
        byte[] bytes = answer.body().isMissingNode() ? new byte[0] : SimResponse.JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean matches(Registered route, String method, String path, Map<String, String> params) {
        String[] actual = segments(path);
        if (!route.method().equalsIgnoreCase(method) || actual.length != route.segments().length) {
            return false;
        }
        var found = new HashMap<String, String>();
        for (int i = 0; i < actual.length; i++) {
            String expected = route.segments()[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                found.put(expected.substring(1, expected.length() - 1), decode(actual[i]));
            } else if (!expected.equals(actual[i])) {
                return false;
            }
        }
        params.putAll(found);
        return true;
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
