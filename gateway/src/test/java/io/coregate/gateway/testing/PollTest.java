package io.coregate.gateway.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tests' polling helper answers what it waited for, or the last value it read, and lets a failed read fail. */
class PollTest {

    @Test
    void answersTheFirstAcceptedValueReadOnTheCallingThread() {
        var reads = new AtomicInteger();
        Thread caller = Thread.currentThread();
        int value = Poll.last(Duration.ofSeconds(5), () -> {
            assertEquals(caller, Thread.currentThread());
            return reads.incrementAndGet();
        }, n -> n == 3);
        assertEquals(3, value);
        assertEquals(3, reads.get());
    }

    @Test
    void answersTheLastValueReadWhenTheTimeRunsOut() {
        var reads = new AtomicInteger();
        long start = System.nanoTime();
        int value = Poll.last(Duration.ofMillis(400), reads::incrementAndGet, n -> n < 0);
        assertEquals(reads.get(), value);
        assertTrue(value >= 2, "read again every " + Poll.EVERY_MILLIS + " ms: " + value);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void aFailingReadFailsTheWait() {
        assertThrows(AssertionError.class, () -> Poll.last(Duration.ofSeconds(5), () -> {
            throw new AssertionError("status 500");
        }, value -> true));
    }
}
