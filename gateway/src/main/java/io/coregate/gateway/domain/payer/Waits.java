package io.coregate.gateway.domain.payer;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.time.Duration;

/** The short pause of a request waiting for a concurrent one on the same transfer. Stateless. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Sleeps one poll interval; an interrupt ends the wait with 2005. */
    static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.SERVER_BUSY, "interrupted while the transfer was being processed");
        }
    }
}
