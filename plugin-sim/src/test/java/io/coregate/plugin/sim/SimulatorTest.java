package io.coregate.plugin.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final String BOOK = "POST /transfers";
    private Simulator simulator;
    private HttpClient client;

    @BeforeEach
    void start() {
        simulator = Simulator.start();
        simulator.ledger().open("A", "ZMW", new BigDecimal("100"));
        simulator.ledger().open("B", "ZMW", BigDecimal.ZERO);
        simulator.route("GET", "/accounts/{no}", (request, ledger) ->
                        SimResponse.ok(Map.of("accountNo", request.param("no"), "balance", ledger.balance(request.param("no")))))
                .bookingRoute("POST", "/transfers", request -> request.text("reference").orElseThrow(), (request, ledger) -> {
                    try {
                        Posting posting = ledger.transfer(request.text("reference").orElseThrow(), "A", "B",
                                new BigDecimal(request.text("amount").orElseThrow()), "ZMW");
                        return SimResponse.of(201, Map.of("id", posting.id()));
                    } catch (LedgerException e) {
                        return SimResponse.of(422, Map.of("error", e.reason().name()));
                    }
                });
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private HttpResponse<String> post(String reference, String amount) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(simulator.baseUri().resolve("/transfers"))
                .timeout(Duration.ofMillis(800))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"" + reference + "\",\"amount\":\"" + amount + "\"}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(simulator.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesAnswerJsonAndTheJournalRecordsThem() throws Exception {
        var answer = get("/accounts/A");
        assertEquals(200, answer.statusCode());
        assertEquals(SimResponse.JSON.readTree("{\"accountNo\":\"A\",\"balance\":100}"), SimResponse.JSON.readTree(answer.body()));
        assertEquals(404, get("/nowhere").statusCode());
        assertEquals(422, post("t0", "1000").statusCode());
        assertEquals(List.of("GET /accounts/{no}", "-", BOOK), simulator.journal().entries().stream().map(Journal.Entry::route).toList());
    }

    @Test
    void duplicatesAreRefusedReplayedOrBookedTwice() throws Exception {
        var first = post("t1", "10");
        assertEquals(201, first.statusCode());
        assertEquals(409, post("t1", "10").statusCode());
        simulator.duplicates(DuplicatePolicy.REPLAY);
        var replayed = post("t1", "10");
        assertEquals(201, replayed.statusCode());
        assertEquals(first.body(), replayed.body());
        assertEquals(List.of(), simulator.ledger().violations());
        simulator.duplicates(DuplicatePolicy.BOOK_TWICE);
        assertEquals(201, post("t1", "10").statusCode());
        assertEquals(List.of("leg t1 booked 2 times"), simulator.ledger().violations());
    }

    @Test
    void faultsFailBeforeOrAfterBookingAsInjected() throws Exception {
        simulator.inject(BOOK, Fault.serverErrorBeforeBooking(), 1);
        simulator.inject(BOOK, Fault.expiredToken(), 1);
        simulator.inject(BOOK, Fault.errorIn200(SimResponse.ok(Map.of("error", "LIMIT"))), 1);
        simulator.inject(BOOK, Fault.answer(SimResponse.of(422, Map.of("error", "BLOCKED"))), 1);
        assertEquals(503, post("t1", "10").statusCode());
        assertEquals(401, post("t1", "10").statusCode());
        var inside200 = post("t1", "10");
        assertEquals(200, inside200.statusCode());
        assertEquals("{\"error\":\"LIMIT\"}", inside200.body());
        assertEquals(422, post("t1", "10").statusCode());
        assertEquals(List.of(), simulator.ledger().postings("t1"), "no fault before booking books");
        simulator.inject(BOOK, Fault.dropAfterBooking(), 1);
        assertThrows(IOException.class, () -> post("t2", "10"));
        assertEquals(1, simulator.ledger().postings("t2").size(), "booked although the answer was dropped");
        assertEquals(201, post("t3", "10").statusCode(), "the fault was met once");
        assertEquals(List.of(503, 401, 200, 422, -1, 201), simulator.journal().of(BOOK).stream().map(Journal.Entry::status).toList());
    }

    @Test
    void latencyDelaysAndHangNeverAnswers() throws Exception {
        simulator.inject(BOOK, Fault.latency(Duration.ofMillis(300)), 1);
        long started = System.nanoTime();
        assertEquals(201, post("t1", "10").statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        simulator.inject(BOOK, Fault.hang(), 1);
        assertThrows(HttpTimeoutException.class, () -> post("t2", "10"));
        assertEquals(List.of(), simulator.ledger().postings("t2"));
    }

    @Test
    void bookThenHangBooksAtOnceAndAnswersOnlyWhenReleased() throws Exception {
        simulator.inject(BOOK, Fault.bookThenHang(), 1);
        assertThrows(HttpTimeoutException.class, () -> post("t1", "10"));
        assertEquals(1, simulator.ledger().postings("t1").size(), "booked although no answer came");
        var held = client.sendAsync(HttpRequest.newBuilder(simulator.baseUri().resolve("/transfers"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"t2\",\"amount\":\"10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, held.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode(), "the fault was met once");
        simulator.inject(BOOK, Fault.bookThenHang(), 1);
        var released = client.sendAsync(HttpRequest.newBuilder(simulator.baseUri().resolve("/transfers"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"t3\",\"amount\":\"10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        while (simulator.ledger().postings("t3").isEmpty()) {
            Thread.sleep(20);
        }
        assertTrue(!released.isDone(), "held after booking");
        simulator.releaseHeld();
        assertEquals(201, released.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        assertEquals(1, simulator.ledger().postings("t3").size());
    }

    @Test
    void aRequiredBearerTokenIsChecked() throws Exception {
        simulator.requireBearer("s3cret");
        assertEquals(401, get("/accounts/A").statusCode());
        var authorized = client.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/accounts/A"))
                .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, authorized.statusCode());
    }

    @Test
    void injectingIntoAnUnknownRouteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> simulator.inject("GET /nowhere", Fault.hang(), 1));
        assertEquals(URI.create("http://127.0.0.1:" + simulator.baseUri().getPort()), simulator.baseUri());
    }
}
