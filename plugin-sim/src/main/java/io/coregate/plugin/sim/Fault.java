package io.coregate.plugin.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * What a route does instead of (or besides) answering normally, injected with {@link Simulator#inject}.
 * Immutable and thread-safe.
 */
public sealed interface Fault {

    /** Waits, then answers normally. */
    record Latency(Duration delay) implements Fault {
        public Latency {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Never answers (until the simulator closes): the client's own timeout must end the call. */
    record Hang() implements Fault {
    }

    /** Answers 503 before anything is booked. */
    record ServerErrorBeforeBooking() implements Fault {
    }

    /** Books, then closes the connection without answering: the client cannot know the booking happened. */
    record DropAfterBooking() implements Fault {
    }

    /**
     * Books, then holds the answer until the simulator closes or {@link Simulator#releaseHeld} is called, then answers
     * normally: the client's process can die while the booking is done and its answer not yet sent.
     */
    record BookThenHang() implements Fault {
    }

    /** Answers 200 carrying this error body, without booking (vendors that report errors inside a 200). */
    record ErrorIn200(SimResponse errorBody) implements Fault {
        public ErrorIn200 {
            Objects.requireNonNull(errorBody, "errorBody");
        }
    }

    /** Answers 401 as for an expired access token, without booking. */
    record ExpiredToken() implements Fault {
    }

    /** Answers this response instead of calling the route, without booking (a vendor error). */
    record Answer(SimResponse response) implements Fault {
        public Answer {
            Objects.requireNonNull(response, "response");
        }
    }

    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    static Fault hang() {
        return new Hang();
    }

    static Fault serverErrorBeforeBooking() {
        return new ServerErrorBeforeBooking();
    }

    static Fault dropAfterBooking() {
        return new DropAfterBooking();
    }

    static Fault bookThenHang() {
        return new BookThenHang();
    }

    static Fault errorIn200(SimResponse errorBody) {
        return new ErrorIn200(errorBody);
    }

    static Fault expiredToken() {
        return new ExpiredToken();
    }

    static Fault answer(SimResponse response) {
        return new Answer(response);
    }
}
