package io.coregate.gateway.sdk;

/** How one HTTP exchange with the connector went, before its meaning is read. */
sealed interface Exchange {

    /**
     * The connector answered.
     *
     * @param status the HTTP status
     * @param body   the body, possibly empty
     */
    record Answer(int status, byte[] body) implements Exchange {
    }

    /**
     * No connection could be opened: the request certainly never reached the connector.
     *
     * @param reason what failed
     */
    record NotSent(String reason) implements Exchange {
    }

    /**
     * The request may have reached the connector, but no answer came (timeout, connection lost).
     *
     * @param reason what failed
     */
    record Lost(String reason) implements Exchange {
    }
}
