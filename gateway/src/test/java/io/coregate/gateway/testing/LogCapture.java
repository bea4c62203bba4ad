package io.coregate.gateway.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line the JVM writes while it is open, CoreGate's and its plugins' at every level, formatted as a log file
 * would show them: for tests that no secret ever reaches a log. Close it to stop capturing. Thread-safe.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();
    private final Level before;

    private LogCapture() {
        Logger coregate = Logger.getLogger("io.coregate");
        this.before = coregate.getLevel();
        coregate.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The lines captured so far, formatted (message, parameters, exception). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger("io.coregate").setLevel(before);
    }
}
