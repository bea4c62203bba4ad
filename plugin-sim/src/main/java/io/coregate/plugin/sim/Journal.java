package io.coregate.plugin.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request the simulator received, in arrival order, with what it answered. Thread-safe.
 */
public final class Journal {

    /**
     * One request.
     *
     * @param route  the matched route's name ({@code "POST /transfers"}), or {@code "-"} for none
     * @param method the HTTP method
     * @param path   the request path
     * @param body   the request body as received
     * @param status the status answered; {@code -1} when the connection was dropped or the request hung
     * @param fault  the injected fault's name, or empty for none
     */
    public record Entry(String route, String method, String path, String body, int status, String fault) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    /** All requests so far. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The requests a route received. */
    public List<Entry> of(String route) {
        return entries.stream().filter(e -> e.route().equals(route)).toList();
    }

    /** Forgets every request. */
    public void clear() {
        entries.clear();
    }
}
