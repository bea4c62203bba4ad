package io.coregate.gateway.config;

import java.time.Duration;

/**
 * The bound on every database call, so a database that stops answering (a failover leaving half-open connections, a
 * network partition) fails calls in bounded time instead of holding the pool every tenant shares.
 *
 * @param connect   opening a connection, login included ({@code db.connect-timeout-seconds})
 * @param socket    waiting for any answer on an open connection; a frozen connection is broken after it
 *                  ({@code db.socket-timeout-seconds}); longer than {@code statement}
 * @param statement the server cancels a statement running longer ({@code db.statement-timeout-millis})
 * @param lock      the server gives up waiting for a row or table lock after it ({@code db.lock-timeout-millis})
 * @param poolWait  waiting for a free pooled connection ({@code db.pool-wait-millis})
 * @param ready     the readiness check's whole budget ({@code db.ready-timeout-millis})
 */
public record DbTimeouts(Duration connect, Duration socket, Duration statement, Duration lock, Duration poolWait, Duration ready) {

    /** Validates the relations between the bounds. */
    public DbTimeouts {
        if (socket.compareTo(statement) <= 0) {
            throw new ConfigException("db.socket-timeout-seconds must be longer than db.statement-timeout-millis ("
                + socket.toSeconds() + " s <= " + statement.toMillis() + " ms): a slow statement would look like a broken connection");
        }
    }
}
