package io.coregate.gateway.http;

/** The gateway's listeners; errors are rendered slightly differently on each. */
public enum Listener {
    /** Port 3003: the Mojaloop Connector's backend API; HTTP statuses stay within the spec's 400/404/500. */
    SDK("sdk"),
    /** Port 3004: the DFSP channels' API. */
    DFSP("dfsp"),
    /** Port 8080: admin, health, metrics. */
    ADMIN("@default");

    private final String socket;

    Listener(String socket) {
        this.socket = socket;
    }

    /** The listener's metric tag ({@code sdk}, {@code dfsp}, {@code admin}). */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The Helidon socket name. */
    public String socket() {
        return socket;
    }
}
