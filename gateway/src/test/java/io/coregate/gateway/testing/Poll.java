package io.coregate.gateway.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The tests' one way to wait for something the gateway does in the background (Awaitility underneath): read a value
 * every {@value #EVERY_MILLIS} ms, on the calling thread, until it is what the test waits for or the time is up. The test
 * then asserts on the value it got, as it did before. Stateless.
 */
public final class Poll {

    /** How often a value is read again. */
    static final long EVERY_MILLIS = 100;

    private Poll() {
    }

    /**
     * Reads until {@code done} accepts the value or {@code limit} passes.
     *
     * @return the accepted value, or the last value read when the time ran out (the caller's assertion then fails on it)
     */
    public static <T> T last(Duration limit, Callable<T> read, Predicate<? super T> done) {
        var last = new AtomicReference<T>();
        try {
            return Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(EVERY_MILLIS)).atMost(limit)
                .until(() -> {
                    T value = read.call();
                    last.set(value);
                    return value;
                }, done);
        } catch (ConditionTimeoutException e) {
            return last.get();
        }
    }
}
