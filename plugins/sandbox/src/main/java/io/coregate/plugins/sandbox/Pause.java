package io.coregate.plugins.sandbox;

import java.time.Duration;

/** Interruptible sleeping that keeps the interrupt flag. Stateless and thread-safe. */
final class Pause {

    private Pause() {
    }

    /**
     * Sleeps for {@code duration}.
     *
     * @return false when the thread was interrupted, with its interrupt flag set again
     */
    static boolean sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
