package io.coregate.gateway.logging;

import java.util.logging.LogManager;

/**
 * JUL's log manager, except that the reset JUL's own shutdown hook runs is put off until the gateway has logged its
 * shutdown: the JVM runs shutdown hooks concurrently, so without this the lines "CoreGate stopping" and "stopped" race
 * with the handlers being closed and are often lost. Installed through {@code java.util.logging.manager} before any
 * logger exists ({@link LogManagerChoice#install}); {@link #shutdownLogged} then closes the handlers. A reset while the JVM is not
 * shutting down (Helidon's {@code readConfiguration}) happens at once. Thread-safe.
 */
public final class ShutdownAwareLogManager extends LogManager {

    private boolean deferred;
    private boolean gatewayDone;

    /** The gateway has logged its shutdown: the deferred reset (flushing and closing the handlers) happens now. */
    public static void shutdownLogged() {
        if (LogManager.getLogManager() instanceof ShutdownAwareLogManager manager) {
            manager.gatewayDone();
        }
    }

    @Override
    public void reset() {
        synchronized (this) {
            if (!gatewayDone && shuttingDown()) {
                deferred = true;
                return;
            }
        }
        super.reset();
    }

    private void gatewayDone() {
        boolean resetNow;
        synchronized (this) {
            gatewayDone = true;
            resetNow = deferred;
            deferred = false;
        }
        if (resetNow) {
            super.reset();
        }
    }

    /** Whether the JVM is running its shutdown hooks (a hook can no longer be added then). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
