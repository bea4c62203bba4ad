package io.coregate.gateway.logging;

/**
 * Chooses {@link ShutdownAwareLogManager} as the JVM's log manager. A class of its own: calling a static method of the
 * manager itself would initialise {@code java.util.logging.LogManager} (its superclass) and so create the default
 * manager before the choice is made. Stateless.
 */
public final class LogManagerChoice {

    private LogManagerChoice() {
    }

    /** Unless a manager was chosen already; call before the first logger is created. */
    public static void install() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownAwareLogManager.class.getName());
        }
    }
}
