package io.coregate.gateway.plugins;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls running inside one loaded plugin version, or on one tenant's adapter, so the host unloads a
 * removed version, or closes a replaced adapter, only once its calls have drained. After {@link #close()} succeeded no
 * call can enter again. Lock-free and thread-safe.
 */
public final class InFlight {

    private final AtomicInteger count = new AtomicInteger();

    /** Enters a call; false once the plugin has been closed. */
    boolean tryEnter() {
        while (true) {
            int current = count.get();
            if (current < 0) {
                return false;
            }
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Leaves a call entered with {@link #tryEnter()}. */
    void exit() {
        count.decrementAndGet();
    }

    /** Closes when no call runs: true when closed now or before. */
    boolean close() {
        return count.compareAndSet(0, -1) || count.get() < 0;
    }

    /** How many calls run now (0 once closed). */
    public int current() {
        return Math.max(0, count.get());
    }
}
