package io.coregate.plugin.support.log;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The one way this library writes a log line: through {@link System.Logger} (the host routes it to its own logging),
 * after {@link Redactor#redact redaction}. Exceptions are logged by their redacted message, never with a stack trace
 * whose messages could carry a secret. Thread-safe.
 */
public final class SupportLog {

    private final Logger logger;
    private final Redactor redactor;

    public SupportLog(Class<?> owner, Redactor redactor) {
        this.logger = System.getLogger(owner.getName());
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** Writes the redacted line when the level is enabled. */
    public void log(Level level, String line) {
        if (logger.isLoggable(level)) {
            logger.log(level, redactor.redact(line));
        }
    }

    /** Whether a line at this level would be written (to skip building expensive lines). */
    public boolean enabled(Level level) {
        return logger.isLoggable(level);
    }

    /** The redactor applied to every line. */
    public Redactor redactor() {
        return redactor;
    }
}
